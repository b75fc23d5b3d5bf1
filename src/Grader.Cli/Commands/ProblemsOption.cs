using System.CommandLine;
using Grader.Grading.Loading;

namespace Grader.Cli.Commands;

/// <summary>The <c>--problems</c> folder (default: ./problems, or $GRADER_PROBLEMS) and loading the catalog from it.</summary>
internal static class ProblemsOption
{
    public static Option<string> Create() => new("--problems")
    {
        Description = "Folder of problem files",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_PROBLEMS") ?? "problems",
    };

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
