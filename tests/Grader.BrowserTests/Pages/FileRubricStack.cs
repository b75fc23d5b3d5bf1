using Grader.BrowserTests.Infrastructure;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A stack over a copy of problems/ in which cs189-dis4's manual part 1a declares <c>step: 0.25</c> and a <c>rubric:</c> of
/// two items, with a worker grading over the same files.
/// </summary>
public sealed class FileRubricStack : IAsyncLifetime
{
    private readonly DirectoryInfo _problems = Directory.CreateTempSubdirectory("grader-problems-");

    public BrowserStack Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(TestServers.ProblemsDirectory, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_problems.FullName, Path.GetFileName(file)));
        }

        var path = Path.Combine(_problems.FullName, "cs189-dis4.yaml");
        var text = await File.ReadAllTextAsync(path);
        const string anchor = "  - id: \"1a\"\n    kind: manual\n    points: 1\n";
        Assert.Contains(anchor, text);
        await File.WriteAllTextAsync(path, text.Replace(anchor, anchor + """
                step: 0.25
                rubric:
                  - { label: "Two functions", points: 0.5, description: "q = x + y and f = qz" }
                  - { label: "Composition", points: 0.75 }

            """, StringComparison.Ordinal));

        Browser = new Stack(_problems.FullName);
        await Browser.InitializeAsync();
        Browser.Stack.StartWorker();
        await Browser.Stack.WaitForConsumersAsync(1);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _problems.Delete(recursive: true);
    }

    private sealed class Stack(string problems) : BrowserStack(ownServers: false, problems);
}
