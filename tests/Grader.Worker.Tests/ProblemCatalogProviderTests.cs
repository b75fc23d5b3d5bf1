using Grader.Grading.Loading;

namespace Grader.Worker.Tests;

public sealed class ProblemCatalogProviderTests : IDisposable
{
    private const string ProblemId = "cs189-dis4";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("grader-catalog-");

    public ProblemCatalogProviderTests()
    {
        var source = Path.Combine(GradingHarness.ProblemsDirectory(), $"{ProblemId}.yaml");
        File.Copy(source, ProblemFile);
    }

    private string ProblemFile => Path.Combine(_folder.FullName, $"{ProblemId}.yaml");

    [Fact]
    public async Task Edited_problem_file_is_picked_up_without_a_restart_with_a_new_version()
    {
        using var provider = new ProblemCatalogProvider(_folder.FullName);
        var before = Version(provider);

        File.AppendAllText(ProblemFile, "\n# a comment is an edit too: the version hashes the content\n");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Version(provider) == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotEqual(before, Version(provider));
        Assert.False(provider.Refresh()); // nothing changed since the watcher's reload
    }

    [Fact]
    public void Broken_edit_keeps_the_previous_catalog()
    {
        using var provider = new ProblemCatalogProvider(_folder.FullName);
        var before = Version(provider);

        File.WriteAllText(ProblemFile, File.ReadAllText(ProblemFile).Replace("kind: values", "kind: no-such-kind", StringComparison.Ordinal));

        Assert.False(provider.Refresh());
        Assert.Equal(before, Version(provider));
    }

    [Fact]
    public void Unchanged_folder_is_not_reloaded()
    {
        using var provider = new ProblemCatalogProvider(_folder.FullName);
        var catalog = provider.Current;

        Assert.False(provider.Refresh());
        Assert.Same(catalog, provider.Current);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Version(ProblemCatalogProvider provider) =>
        provider.Current.TryGet(ProblemId, out var problem) ? problem.Version : "missing";
}
