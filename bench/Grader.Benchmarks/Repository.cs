using System.Text.Json;
using Grader.Grading.Loading;

namespace Grader.Benchmarks;

/// <summary>The repository's problems and example answers, found from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class Repository
{
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Grader.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }

    public static ProblemCatalog Catalog() => ProblemCatalog.Load(Path.Combine(Root(), "problems"));

    public static JsonDocument ExampleAnswers(string problemId) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "examples", problemId + ".json")));
}
