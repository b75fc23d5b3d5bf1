using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>
/// A stack with one worker over a copy of problems/ in which cs189-dis4's manual part 1a has a step of 0.25 and a rubric
/// ("Two functions" 0.5, "Composition" 0.75: together more than the part's 1 point, so the clamp shows), and an
/// instructor key of cs189, the course every submission here belongs to.
/// </summary>
public sealed class ManualGradingFixture : IAsyncLifetime
{
    private readonly ProblemsFolder _problems = new();

    public ServiceStack Stack { get; private set; } = null!;

    public HttpClient Instructor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_problems.Path, "cs189-dis4.yaml");
        var text = await File.ReadAllTextAsync(file);
        const string anchor = "  - id: \"1a\"\n    kind: manual\n    points: 1\n";
        Assert.Contains(anchor, text);
        await File.WriteAllTextAsync(file, text.Replace(anchor, anchor + """
                step: 0.25
                rubric:
                  - { label: "Two functions", points: 0.5, description: "q = x + y and f = qz" }
                  - { label: "Composition", points: 0.75 }

            """, StringComparison.Ordinal));

        Stack = await ServiceStack.StartAsync(_problems.Path);
        Stack.StartWorker();
        await Stack.WaitForConsumersAsync(1);
        Instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
    }

    public async Task DisposeAsync()
    {
        Instructor.Dispose();
        await Stack.DisposeAsync();
        _problems.Dispose();
    }
}
