using System.Diagnostics.CodeAnalysis;
using Grader.Grading.Model;

namespace Grader.Grading.Loading;

/// <summary>Every problem set of a problems/ folder, by id.</summary>
public sealed class ProblemCatalog
{
    private readonly Dictionary<string, Problem> _byId;

    public ProblemCatalog(IReadOnlyList<Problem> problems)
    {
        _byId = new Dictionary<string, Problem>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            if (!_byId.TryAdd(problem.Id, problem))
            {
                throw new ProblemFileException(problem.Id, $"problem id '{problem.Id}' is defined twice");
            }
        }
        Problems = problems.OrderBy(problem => problem.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Loads every *.yaml file of a folder; the first bad file stops the load with its file and part named.</summary>
    public static ProblemCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ProblemFileException(directory, "no such folder");
        }
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .OrderBy(path => path, StringComparer.Ordinal);
        return new ProblemCatalog(files.Select(ProblemLoader.LoadFile).ToList());
    }

    public bool TryGet(string id, [NotNullWhen(true)] out Problem? problem) => _byId.TryGetValue(id, out problem);
}
