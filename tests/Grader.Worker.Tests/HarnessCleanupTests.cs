using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Grader.Worker.Tests;

/// <summary><see cref="HarnessTestBase"/>'s cleanup drops the test's database even when the harness will not stop.</summary>
public sealed class HarnessCleanupTests
{
    [Fact]
    public async Task Database_is_dropped_and_the_stop_failure_reported_when_the_harness_does_not_stop()
    {
        var test = new HarnessThatWillNotStop();
        await test.InitializeAsync();
        var name = await test.DatabaseNameAsync();

        var thrown = await Assert.ThrowsAnyAsync<Exception>(test.DisposeAsync);

        await using var admin = NpgsqlDataSource.Create(await PostgresContainer.ConnectionStringAsync("postgres"));
        await using var exists = admin.CreateCommand("select count(*) from pg_database where datname = $1");
        exists.Parameters.Add(new() { Value = name });
        Assert.Equal(0L, await exists.ExecuteScalarAsync());

        // The harness's stop throws, and so does disposing its services (which stops the hosted services again): both told.
        var failures = thrown is AggregateException all ? all.InnerExceptions : [thrown];
        Assert.Equal([WillNotStop.Failure, WillNotStop.Failure], failures.Select(f => f.Message));
    }

    private sealed class HarnessThatWillNotStop : HarnessTestBase
    {
        protected override ServiceProvider BuildServices(string connectionString) =>
            GradingHarness.Build(connectionString, services: services => services.AddHostedService<WillNotStop>());

        public async Task<string> DatabaseNameAsync() => (string)(await Database.ScalarAsync("select current_database()"))!;
    }

    /// <summary>A hosted service (the harness starts and stops the container's) that throws when stopped.</summary>
    private sealed class WillNotStop : IHostedService
    {
        public const string Failure = "this service will not stop";

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Failure);
    }
}
