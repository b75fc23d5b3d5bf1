using System.Net;
using System.Net.Http.Json;
using Grader.Api.Regrades;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

public sealed class RegradeResilienceTests
{
    private const int Seeded = 3000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    // Small batches and one batch at a time: the job lasts long enough to be interrupted.
    private static readonly Dictionary<string, string> SlowWorker = new()
    {
        ["Regrade__ConcurrentMessageLimit"] = "1",
        ["Regrade__PrefetchCount"] = "1",
    };

    private static readonly Dictionary<string, string> SmallBatches = new() { ["Regrade:BatchSize"] = "10" };

    private static readonly object EverythingOutdated = new { gradedWithVersionOtherThanCurrent = true, reason = "new version" };

    [Fact]
    public async Task Worker_killed_mid_job_is_resumed_by_another_and_each_submission_gets_exactly_one_new_revision()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches);
        await GradedSubmissions.SeedAsync(stack, Seeded);
        var first = stack.StartWorker(SlowWorker);
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");

        var job = await RegradeClient.StartAsync(stack, EverythingOutdated);
        await RegradeClient.WaitForDoneAsync(stack, job.Id, 200, Timeout);
        first.Kill();
        var atKill = await RegradeClient.GetAsync(stack, job.Id);
        Assert.True(atKill.Done < Seeded, "the job finished before the kill; the test proves nothing");

        stack.StartWorker();
        var done = await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);

        Assert.Equal((Seeded, Seeded, Seeded, 0), (done.Total, done.Done, done.Changed, done.Failed));
        Assert.Equal(Seeded, await stack.ScalarAsync($"select count(*) from results where regrade_job_id = '{job.Id}'"));
        Assert.Equal(0, await stack.ScalarAsync(
            "select count(*) from (select submission_id from results group by submission_id having count(*) <> 2) d"));
        Assert.Equal(0, await stack.ScalarAsync(
            "select count(*) from submissions s join results r on r.id = s.current_result_id where r.revision <> 2"));
        Assert.Equal(2, await stack.ScalarAsync($"select count(distinct graded_by) from results where regrade_job_id = '{job.Id}'"));
    }

    [Fact]
    public async Task Cancelled_job_stops_and_keeps_only_the_batches_already_committed()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches);
        await GradedSubmissions.SeedAsync(stack, Seeded);
        stack.StartWorker(SlowWorker);
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");

        var job = await RegradeClient.StartAsync(stack, EverythingOutdated);
        await RegradeClient.WaitForDoneAsync(stack, job.Id, 20, Timeout);
        using var response = await stack.Http.PostAsync($"/api/v1/regrades/{job.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await response.Content.ReadFromJsonAsync<RegradeJobView>(ServiceStack.Json))!.State);

        // A batch in flight at the cancel may still commit; after that nothing moves.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var settled = (await RegradeClient.GetAsync(stack, job.Id)).Done;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var cancelled = await RegradeClient.GetAsync(stack, job.Id);
        Assert.Equal("cancelled", cancelled.State);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Equal(settled, cancelled.Done);
        Assert.InRange(cancelled.Done, 20, Seeded - 100);
        Assert.Equal(cancelled.Done, await stack.ScalarAsync($"select count(*) from results where regrade_job_id = '{job.Id}'"));
        using var again = await stack.Http.PostAsync($"/api/v1/regrades/{job.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Submission_arriving_during_a_regrade_is_graded_once_with_the_current_version()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: SmallBatches);
        await GradedSubmissions.SeedAsync(stack, 1000);
        stack.StartWorker(SlowWorker);
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");

        var job = await RegradeClient.StartAsync(stack, EverythingOutdated);
        await RegradeClient.WaitForDoneAsync(stack, job.Id, 10, Timeout);
        using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        var graded = await stack.WaitForStatusAsync(id, "graded", Timeout);
        var done = await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);

        Assert.Equal(1000, done.Total);
        Assert.NotEqual(GradedSubmissions.OldVersion, graded.ProblemVersion);
        Assert.Equal(1, await stack.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
        Assert.Equal(0, await stack.ScalarAsync($"select count(*) from regrade_items where submission_id = '{id}'"));
    }
}
