using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>
/// Tests that each run the worker's consumers on MassTransit's in-memory harness over a fresh database of their own: made and
/// started before the test, stopped and dropped after it.
/// </summary>
public abstract class HarnessTestBase : IAsyncLifetime
{
    private ServiceProvider? _services;
    private ITestHarness? _harness;

    protected WorkerTestDatabase Database { get; } = new();

    protected ServiceProvider Services => _services ?? throw NotStarted();

    protected ITestHarness Harness => _harness ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (BuildServices(Database.ConnectionString) is { } services)
        {
            await StartAsync(services);
        }
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _harness!.Stop();
            await _services.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>
    /// What each test runs on: the grading consumers with <see cref="GradingHarness"/>'s defaults unless a class says otherwise;
    /// null where each test builds its own from its parameters and passes it to <see cref="StartAsync"/>.
    /// </summary>
    protected virtual ServiceProvider? BuildServices(string connectionString) => GradingHarness.Build(connectionString);

    protected async Task StartAsync(ServiceProvider services)
    {
        _services = services;
        _harness = services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    private static InvalidOperationException NotStarted() =>
        new("The harness has not started: a class whose BuildServices returns null starts it in each test with StartAsync.");
}
