using System.CommandLine;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Cli.Commands;

/// <summary>The <c>--problems</c> folder (default: ./problems, or $GRADER_PROBLEMS) and loading the catalog from it.</summary>
internal static class ProblemsOption
{
    public static Option<string> Create() => new("--problems")
    {
        Description = "Folder of problem files",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_PROBLEMS") ?? "problems",
    };

    /// <summary>Loads the catalog and finds one problem, or prints why not and returns null (exit code 2).</summary>
    public static Problem? TryFind(string directory, string problemId, TextWriter error)
    {
        var catalog = TryLoad(directory, error);
        if (catalog is null)
        {
            return null;
        }
        if (!catalog.TryGet(problemId, out var problem))
        {
            error.WriteLine($"error: unknown problem '{problemId}' (known: {string.Join(", ", catalog.Problems.Select(p => p.Id))})");
        }
        return problem;
    }

    /// <summary>Loads the catalog, or prints why it cannot be loaded and returns null (exit code 2).</summary>
    public static ProblemCatalog? TryLoad(string directory, TextWriter error)
    {
        try
        {
            return ProblemCatalog.Load(directory);
        }
        catch (ProblemFileException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return null;
        }
    }
}
