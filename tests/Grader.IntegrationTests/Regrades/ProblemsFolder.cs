using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

/// <summary>A private copy of problems/ that a test may edit like staff would, deleted afterwards.</summary>
internal sealed class ProblemsFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("grader-problems-");

    public ProblemsFolder()
    {
        foreach (var file in Directory.EnumerateFiles(TestServers.ProblemsDirectory, "*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(_directory.FullName, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path => _directory.FullName;

    /// <summary>Narrows the tolerance of part 1d of cs189-dis4 (or its randomized copy) from the default rtol 0.01 to 0.001.</summary>
    public void NarrowToleranceOf1d(string problemId = "cs189-dis4")
    {
        var file = System.IO.Path.Combine(Path, problemId + ".yaml");
        var text = File.ReadAllText(file);
        const string anchor = "  - id: \"1d\"\n    kind: values\n    points: 3\n";
        Assert.Contains(anchor, text);
        File.WriteAllText(file, text.Replace(anchor, anchor + "    tolerance: { rtol: 0.001 }\n", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
