using System.Net.Http.Json;
using Grader.Api.Regrades;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

public sealed class RegradeFailureListTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Submission_that_cannot_be_regraded_is_listed_with_its_reason_and_keeps_its_grade()
    {
        await using var stack = await ServiceStack.StartAsync();
        await GradedSubmissions.SeedAsync(stack, 3);
        // A problem taken out of the catalog after it was graded: its submissions can be listed but not regraded.
        var retired = await RetiredProblemSubmissionAsync(stack);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");

        var job = await RegradeClient.StartAsync(stack, new { course = "cs189", reason = "new version" });
        var done = await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);

        Assert.Equal((4, 4, 3, 1), (done.Total, done.Done, done.Changed, done.Failed));
        var page = (await stack.Http.GetFromJsonAsync<RegradeFailuresPage>($"/api/v1/regrades/{job.Id}/failures", ServiceStack.Json))!;
        var failure = Assert.Single(page.Items);
        Assert.Equal((retired, "retired-student", "retired-problem"), (failure.SubmissionId, failure.StudentId, failure.ProblemId));
        Assert.Contains("'retired-problem' is not in this worker's catalog", failure.Error, StringComparison.Ordinal);
        Assert.Null(page.Next);
        Assert.Equal(1, await stack.ScalarAsync($"select count(*) from results where submission_id = '{retired}'"));
    }

    [Fact]
    public async Task Batch_started_as_often_as_allowed_is_failed_with_the_reason_instead_of_run_again()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string> { ["Regrade:BatchSize"] = "10" });
        await GradedSubmissions.SeedAsync(stack, 30);
        // The queue must exist before the job is planned; the worker that declared it is gone while the job waits there.
        var declaring = stack.StartWorker();
        await stack.WaitForConsumersAsync(1, queue: "regrade-batch");
        declaring.Kill();
        var job = await RegradeClient.StartAsync(stack, new { course = "cs189", reason = "new version" });
        // As left by five workers that each died in batch 0: every start counted, none finished.
        await stack.ScalarAsync($"update regrade_batches set attempts = 5 where job_id = '{job.Id}' and batch_number = 0");

        stack.StartWorker();
        var done = await RegradeClient.WaitForStateAsync(stack, job.Id, "failed", Timeout);

        Assert.Equal((30, 30, 20, 10), (done.Total, done.Done, done.Changed, done.Failed));
        var page = (await stack.Http.GetFromJsonAsync<RegradeFailuresPage>($"/api/v1/regrades/{job.Id}/failures", ServiceStack.Json))!;
        Assert.Equal(10, page.Items.Count);
        Assert.All(page.Items, failure => Assert.StartsWith(
            "Regrading of this submission's batch started 5 times without finishing", failure.Error, StringComparison.Ordinal));
        Assert.Equal(0, await stack.ScalarAsync(
            $"select count(*) from results r join regrade_items i on i.submission_id = r.submission_id where r.regrade_job_id = '{job.Id}' and i.batch_number = 0"));
    }

    private static async Task<Guid> RetiredProblemSubmissionAsync(ServiceStack stack)
    {
        var id = Guid.NewGuid();
        await using var command = stack.Db.CreateCommand($$"""
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers,
                                     submitted_at, received_at, status, enqueued_at, graded_at, attempts)
            values ('{{id}}', 'seed', 'retired', 'cs189', 'dis4', 'retired-problem', 'retired-student', '{"a": 1}',
                    now() - interval '1 day', now() - interval '1 day', 'graded', now() - interval '1 day', now() - interval '1 day', 1);
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
            values ('{{Guid.NewGuid()}}', '{{id}}', 1, 'old', 1, 1, '[]', now() - interval '1 day', 0, 'seed');
            update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.id = '{{id}}';
            """);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
