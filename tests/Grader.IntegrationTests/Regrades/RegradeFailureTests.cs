using System.Diagnostics;
using System.Net.Http.Json;
using Grader.Api.Regrades;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

public sealed class RegradeFailureTests
{
    private const int Seeded = 30; // three batches of ten
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, string> SmallBatches = new() { ["Regrade:BatchSize"] = "10" };
    private static readonly object EverythingOutdated = new { gradedWithVersionOtherThanCurrent = true, reason = "new version" };

    [Fact]
    public async Task Job_with_a_batch_that_fails_on_every_delivery_ends_failed_rather_than_running_forever()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches);
        await GradedSubmissions.SeedAsync(stack, Seeded);
        // One stored row PostgreSQL refuses to record a new score for: its batch (the first, by id) faults however often it
        // runs, no retry can fix it, and the other two are unaffected. (Recording the failure itself writes no score.)
        await stack.ScalarAsync("""
            do $$ begin
                execute format('alter table regrade_items add constraint broken_row check (new_score is null or submission_id <> %L)',
                               (select id from submissions order by id limit 1));
            end $$
            """);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");

        var job = await RegradeClient.StartAsync(stack, EverythingOutdated);
        var failed = await RegradeClient.WaitForStateAsync(stack, job.Id, "failed", Timeout);

        Assert.NotNull(failed.FinishedAt);
        // The faulted batch's ten count as failed; the other twenty were regraded and keep their new revisions.
        Assert.Equal((Seeded, Seeded, Seeded - 10, 10), (failed.Total, failed.Done, failed.Changed, failed.Failed));
        Assert.Equal(Seeded - 10, await stack.ScalarAsync($"select count(*) from results where regrade_job_id = '{job.Id}'"));
        Assert.Equal(1, await stack.ScalarAsync($"select count(*) from regrade_batches where job_id = '{job.Id}' and state = 'failed'"));
        // Each of the ten is listed with why its batch failed.
        var failures = (await stack.Http.GetFromJsonAsync<RegradeFailuresPage>($"/api/v1/regrades/{job.Id}/failures", ServiceStack.Json))!;
        Assert.Equal(10, failures.Items.Count);
        Assert.All(failures.Items, failure => Assert.Contains("broken_row", failure.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_interrupted_by_a_database_outage_longer_than_the_retries_completes_once_it_is_back()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches, ownServers: true);
        await GradedSubmissions.SeedAsync(stack, Seeded);
        // Retries of about 0.6 s; the sweeper's default resend age (5 min) is far beyond the test, so it cannot be what
        // finishes the job.
        var worker = stack.StartWorker(new Dictionary<string, string>
        {
            ["Worker__RetryLimit"] = "2",
            ["Worker__RetryMinInterval"] = "00:00:00.100",
            ["Worker__RetryMaxInterval"] = "00:00:00.500",
        });
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");
        worker.Pause(); // it takes the job's three batches but regrades none until the database is gone
        var id = (await RegradeClient.StartAsync(stack, EverythingOutdated)).Id;

        await Database.StopAsync(stack);
        try
        {
            worker.Resume();
            await Task.Delay(TimeSpan.FromSeconds(8));
            await Eventually.HoldsAsync(async () => await stack.Rabbit.MessageCountAsync(stack.VirtualHost, "regrade-batch_error") > 0,
                TimeSpan.FromSeconds(30), "retries exhausted during the outage (batches in the error queue)");
        }
        finally
        {
            await Database.StartAsync(stack);
        }

        // Read in SQL: the API's pooled connections died with the server and its first answers may be 503s.
        await Eventually.HoldsAsync(
            async () => await stack.ScalarAsync($"select count(*) from regrade_jobs where id = '{id}' and state <> 'running'") == 1,
            Timeout, "the job to finish");
        Assert.Equal(1, await stack.ScalarAsync(
            $"select count(*) from regrade_jobs where id = '{id}' and state = 'completed' and done = {Seeded} and changed = {Seeded} and failed = 0"));
        Assert.Equal(Seeded, await stack.ScalarAsync($"select count(*) from results where regrade_job_id = '{id}'"));
    }

    [Fact]
    public async Task Regrade_requested_while_the_broker_is_down_is_accepted_within_10_seconds_with_its_batches_pending()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches, ownServers: true);
        await GradedSubmissions.SeedAsync(stack, Seeded);

        await Broker.StopAsync(stack);
        try
        {
            var clock = Stopwatch.StartNew();
            var job = await RegradeClient.StartAsync(stack, EverythingOutdated);
            clock.Stop();

            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            Assert.Equal(("running", Seeded), (job.State, job.Total));
            Assert.Equal(3, await stack.ScalarAsync($"select count(*) from regrade_batches where job_id = '{job.Id}' and state = 'pending'"));
        }
        finally
        {
            await Broker.StartAsync(stack);
        }
    }

    [Fact]
    public async Task Batches_planned_while_the_broker_is_down_are_sent_by_the_sweeper_at_its_next_pass_once_it_is_back()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches, ownServers: true);
        await GradedSubmissions.SeedAsync(stack, Seeded);
        // The sweeper looks every second but re-sends a batch only 5 min (the default) after its last send: batches the
        // planner could not send are marked never sent, so it takes them at once rather than 5 min after the plan.
        stack.StartWorker(new Dictionary<string, string> { ["Regrade__SweepInterval"] = "00:00:01" });
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");

        Guid id;
        await Broker.StopAsync(stack);
        try
        {
            id = (await RegradeClient.StartAsync(stack, EverythingOutdated)).Id;
            await Task.Delay(TimeSpan.FromSeconds(4)); // several sweeps: the sweeper must not lose them meanwhile
            Assert.Equal("running", (await RegradeClient.GetAsync(stack, id)).State);
        }
        finally
        {
            await Broker.StartAsync(stack);
        }

        var done = await RegradeClient.WaitForStateAsync(stack, id, "completed", Timeout);

        Assert.Equal((Seeded, Seeded, Seeded, 0), (done.Total, done.Done, done.Changed, done.Failed));
        Assert.Equal(Seeded, await stack.ScalarAsync($"select count(*) from results where regrade_job_id = '{id}'"));
        // Claimed by the sweeper: each batch's last send is later than the plan's.
        Assert.Equal(3, await stack.ScalarAsync(
            $"select count(*) from regrade_batches b join regrade_jobs j on j.id = b.job_id where j.id = '{id}' and b.sent_at > j.created_at"));
    }
}
