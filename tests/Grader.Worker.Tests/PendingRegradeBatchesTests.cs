using Grader.Data;
using Grader.Data.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

public sealed class PendingRegradeBatchesTests : IAsyncLifetime
{
    private readonly WorkerTestDatabase _database = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddGraderData(_ => _database.ConnectionString).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sweeper_claims_only_old_pending_batches_of_running_jobs_once()
    {
        var running = await JobAsync("running");
        var cancelled = await JobAsync("cancelled");
        await BatchAsync(running, 0, "pending", TimeSpan.FromMinutes(10));
        await BatchAsync(running, 1, "pending", TimeSpan.FromSeconds(5));
        await BatchAsync(running, 2, "done", TimeSpan.FromMinutes(10));
        await BatchAsync(cancelled, 0, "pending", TimeSpan.FromMinutes(10));
        var now = DateTimeOffset.UtcNow;
        var sentBefore = now - TimeSpan.FromMinutes(1);

        await using var scope = _services.CreateAsyncScope();
        var unfinished = scope.ServiceProvider.GetRequiredService<UnfinishedWork>();
        var claimed = await unfinished.ClaimRegradeBatchesAsync(now, sentBefore, 500, CancellationToken.None);
        var claimedAgain = await unfinished.ClaimRegradeBatchesAsync(now, sentBefore, 500, CancellationToken.None);

        var batch = Assert.Single(claimed);
        Assert.Equal((running, 0), (batch.JobId, batch.BatchNumber));
        Assert.Empty(claimedAgain); // claiming moves sent_at, so another worker's sweeper does not send it again
    }

    private async Task<Guid> JobAsync(string state)
    {
        var id = Guid.NewGuid();
        await _database.ScalarAsync($"""
            insert into regrade_jobs (id, graded_with_version_other_than_current, reason, dry_run, state, planned_versions, created_at, batch_count)
            values ('{id}', false, 'test', false, '{state}', '{"{}"}', now(), 3)
            """);
        return id;
    }

    private Task BatchAsync(Guid job, int number, string state, TimeSpan age) => _database.ScalarAsync($"""
        insert into regrade_batches (job_id, batch_number, state, size, sent_at)
        values ('{job}', {number}, '{state}', 10, now() - interval '{(int)age.TotalSeconds} seconds')
        """);
}
