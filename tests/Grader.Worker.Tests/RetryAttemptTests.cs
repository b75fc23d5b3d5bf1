using Grader.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.Worker.Tests;

/// <summary>
/// In-process retries after a transient database error are one attempt, not several, and a delivery whose claim only a
/// retry makes is one attempt, not none (Worker:MaxAttempts counts deliveries).
/// </summary>
public sealed class RetryAttemptTests : HarnessTestBase
{
    // A worker that gives up on a lock after 100 ms (lock_not_available is transient) and retries up to fifty times:
    // about 7 s of tries, so a loaded machine that wakes this test late from its 400 ms wait has not run out of them.
    protected override ServiceProvider BuildServices(string connectionString) =>
        GradingHarness.Build(connectionString + ";Options=-c lock_timeout=100", retryLimit: 50);

    [Fact]
    public async Task Grade_retried_in_process_after_a_transient_error_counts_one_attempt()
    {
        var id = await GradingHarness.StoreSubmissionAsync(Services);
        await using var blocker = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        // Nobody can write a result until the rollback below: each try claims the submission, then times out on the lock.
        await using (var lockResults = new NpgsqlCommand("lock table results in access exclusive mode", blocker, transaction))
        {
            await lockResults.ExecuteNonQueryAsync();
        }

        await Harness.Bus.Publish(new GradeSubmission(id));
        // From the first claim on, 400 ms of lock waits of 100 ms each: the worker must retry at least twice.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((string?)await Database.ScalarAsync($"select status from submissions where id = '{id}'") != "grading")
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker never claimed the submission");
            await Task.Delay(10);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(400));
        await transaction.RollbackAsync();

        Assert.True(await Harness.Published.Any<SubmissionGraded>(m => m.Context.Message.SubmissionId == id));
        Assert.Equal(1, await Database.ScalarAsync($"select attempts from submissions where id = '{id}'"));
        Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
    }

    /// <summary>
    /// A delivery whose first try could not claim the submission (the database refused) still counts one attempt when a
    /// retry of it claims: otherwise such deliveries grade with attempts = 0 and Worker:MaxAttempts can be bypassed.
    /// </summary>
    [Fact]
    public async Task A_delivery_claimed_only_by_its_retry_counts_one_attempt()
    {
        var id = await GradingHarness.StoreSubmissionAsync(Services);
        await using var blocker = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        // The claim's update times out on this row lock: the first tries fail before anything is counted.
        await using (var lockRow = new NpgsqlCommand($"select 1 from submissions where id = '{id}' for update", blocker, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        await Harness.Bus.Publish(new GradeSubmission(id));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.Equal("queued", (string?)await Database.ScalarAsync($"select status from submissions where id = '{id}'"));
        await transaction.RollbackAsync();

        Assert.True(await Harness.Published.Any<SubmissionGraded>(m => m.Context.Message.SubmissionId == id),
            $"not graded: {await Database.ScalarAsync($"select status || ' ' || attempts || ' ' || coalesce(failure_reason, '') from submissions where id = '{id}'")}");
        Assert.Equal(1, await Database.ScalarAsync($"select attempts from submissions where id = '{id}'"));
    }
}
