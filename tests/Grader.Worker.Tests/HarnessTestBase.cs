using System.Runtime.ExceptionServices;
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

    /// <summary>
    /// Stops the harness, disposes its services and drops the database, each whatever an earlier step threw (a harness that
    /// would not stop left its database behind); what they threw still fails the test, as it was or, if several, together.
    /// </summary>
    public async Task DisposeAsync()
    {
        List<Exception> failures = [];
        if (_services is not null)
        {
            await AttemptAsync(() => _harness!.Stop(), failures);
            await AttemptAsync(() => _services.DisposeAsync().AsTask(), failures);
        }

        await AttemptAsync(Database.DisposeAsync, failures);
        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException(failures);
        }
    }

    private static async Task AttemptAsync(Func<Task> step, List<Exception> failures)
    {
        try
        {
            await step();
        }
        catch (Exception exception)
        {
            failures.Add(exception);
        }
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

    /// <summary>Stores <paramref name="count"/> queued submissions (<see cref="GradingHarness.StoreSubmissionAsync"/>).</summary>
    protected async Task<List<Guid>> StoreSubmissionsAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await GradingHarness.StoreSubmissionAsync(Services));
        }

        return ids;
    }

    protected async Task<string?> StatusAsync(Guid id) =>
        (string?)await Database.ScalarAsync($"select status from submissions where id = '{id}'");

    /// <summary>The ids as a SQL list, for <c>id in (…)</c>.</summary>
    protected static string SqlList(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));

    /// <summary>Polls what the consumers will make true; fails the test with "<paramref name="failure"/> within 30 s".</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure = "condition not met")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within 30 s");
            await Task.Delay(50);
        }
    }

    private static InvalidOperationException NotStarted() =>
        new("The harness has not started: a class whose BuildServices returns null starts it in each test with StartAsync.");
}
