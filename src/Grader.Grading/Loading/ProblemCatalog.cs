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
        return new ProblemCatalog(ProblemFiles(directory).Select(ProblemLoader.LoadFile).ToList());
    }

    /// <summary>
    /// Checks every *.yaml file of a folder without stopping at the first error: each file's problem, errors and warnings.
    /// A problem id used by two files is an error of the second.
    /// </summary>
    public static IReadOnlyList<ProblemCheck> Check(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [new ProblemCheck(directory, null, [new ProblemFileException(directory, "no such folder")], [])];
        }
        var checks = new List<ProblemCheck>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in ProblemFiles(directory))
        {
            var check = ProblemLoader.CheckFile(path);
            if (check.Problem is { } problem && !seen.TryAdd(problem.Id, path))
            {
                check = check with
                {
                    Problem = null,
                    Errors = [new ProblemFileException(path, $"problem id '{problem.Id}' is already used by {seen[problem.Id]}")],
                };
            }
            checks.Add(check);
        }
        return checks;
    }

    private static IEnumerable<string> ProblemFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).OrderBy(path => path, StringComparer.Ordinal);

    public bool TryGet(string id, [NotNullWhen(true)] out Problem? problem) => _byId.TryGetValue(id, out problem);
}
