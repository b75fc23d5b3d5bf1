using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Grading.Tests;

/// <summary>The repository's problems/ folder, loaded once for all tests.</summary>
internal static class Catalog
{
    private static readonly Lazy<ProblemCatalog> Loaded = new(() => ProblemCatalog.Load(Path.Combine(RepositoryRoot(), "problems")));

    public static ProblemCatalog Instance => Loaded.Value;

    public static Problem Problem(string id) =>
        Instance.TryGet(id, out var problem) ? problem : throw new InvalidOperationException($"no problem {id}");

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grader.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Grader.sln) above " + AppContext.BaseDirectory);
    }
}
