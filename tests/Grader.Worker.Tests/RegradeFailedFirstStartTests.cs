using Grader.Contracts;
using Grader.Data;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Grader.Worker.Extensions;
using Grader.Worker.Grading;
using Grader.Worker.Regrading;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.Worker.Tests;

/// <summary>
/// A regrade batch delivery whose first try could not count its start (the database refused) still counts one start
/// when a retry of it runs the batch: otherwise such deliveries finish with attempts = 0 and Regrade:MaxBatchAttempts
/// can be bypassed (issue 12, the regrade side of the grading consumer's fix).
/// </summary>
public sealed class RegradeFailedFirstStartTests : HarnessTestBase
{
    protected override ServiceProvider BuildServices(string connectionString) => new ServiceCollection()
        .AddLogging()
        .AddSingleton(new ProblemCatalogProvider(GradingHarness.ProblemsDirectory()))
        .AddSingleton(new StudentVariants(""))
        .AddSingleton<AssignedVariants>()
        .AddGraderData(_ => connectionString + ";Options=-c lock_timeout=100")
        .AddGradingServices()
        .AddScoped<RegradeBatchProcessor>()
        .Configure<RegradeOptions>(_ => { })
        .Configure<WorkerOptions>(options =>
        {
            options.RetryLimit = 10;
            options.RetryMinInterval = TimeSpan.FromMilliseconds(10);
            options.RetryMaxInterval = TimeSpan.FromMilliseconds(50);
        })
        .AddMassTransitTestHarness(bus => bus.AddRegradeConsumers())
        .BuildServiceProvider(validateScopes: true);

    [Fact]
    public async Task A_batch_delivery_started_only_by_its_retry_counts_one_start()
    {
        var job = Guid.NewGuid();
        await Database.ScalarAsync($"""
            insert into regrade_jobs (id, graded_with_version_other_than_current, reason, dry_run, state, planned_versions, created_at, batch_count)
            values ('{job}', false, 'test', false, 'running', '{"{}"}', now(), 1);
            insert into regrade_batches (job_id, batch_number, state, size, sent_at) values ('{job}', 0, 'pending', 0, now());
            """);
        await using var blocker = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        // Counting the start updates this row: under the lock it times out, so the first tries count nothing.
        await using (var lockRow = new NpgsqlCommand($"select 1 from regrade_batches where job_id = '{job}' for update", blocker, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        await Harness.Bus.Publish(new RegradeBatch(job, 0));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.Equal(0, await Database.ScalarAsync($"select attempts from regrade_batches where job_id = '{job}'"));
        await transaction.RollbackAsync();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((string?)await Database.ScalarAsync($"select state from regrade_batches where job_id = '{job}'") != "done"
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal("done", (string?)await Database.ScalarAsync($"select state from regrade_batches where job_id = '{job}'"));
        Assert.Equal(1, await Database.ScalarAsync($"select attempts from regrade_batches where job_id = '{job}'"));
    }
}
