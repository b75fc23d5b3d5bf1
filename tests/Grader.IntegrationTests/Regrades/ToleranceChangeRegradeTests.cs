using System.Net.Http.Json;
using Grader.Api.Problems;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

public sealed class ToleranceChangeRegradeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // q = 3.02 is within the default rtol 0.01 of 3 and outside rtol 0.001; the other answers are exact.
    private static object Answers(double q) => new Dictionary<string, object>
    {
        ["1d"] = new Dictionary<string, double> { ["q"] = q, ["f"] = -12, ["df_dq"] = -4, ["df_dz"] = 3, ["df_dx"] = -4, ["df_dy"] = -4 },
        ["3b"] = 233,
    };

    [Fact]
    public async Task Narrowed_tolerance_flips_exactly_the_near_answers_dry_run_writes_nothing_and_the_real_run_keeps_history()
    {
        using var problems = new ProblemsFolder();
        await using var stack = await ServiceStack.StartAsync(problems.Path);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1);
        // Bound before the first grades: the worker announces a grade after its commit, so a probe bound once the API
        // shows the last one graded could still catch that grade's announcement. It counts 9 first grades, then the regrade's.
        await stack.Rabbit.BindQueueAsync(stack.VirtualHost, "passback-probe", "Grader.Contracts:SubmissionGraded");
        var near = await PostAndGradeAsync(stack, 5, Answers(3.02));
        var exact = await PostAndGradeAsync(stack, 4, Answers(3));
        var oldVersion = (await stack.GetSubmissionAsync(near[0])).ProblemVersion;

        problems.NarrowToleranceOf1d();
        await Eventually.HoldsAsync(async () => (await ProblemVersionAsync(stack)) != oldVersion, Timeout, "the API to reload the edit");
        var newVersion = await ProblemVersionAsync(stack);

        var dryRun = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001", dryRun = true,
        });
        var report = await RegradeClient.WaitForStateAsync(stack, dryRun.Id, "completed", Timeout);
        Assert.Equal((9, 9, 5, 0), (report.Total, report.Done, report.Changed, report.Failed));
        Assert.Equal(near.Order(), report.Report!.Changes.Select(c => c.SubmissionId).Order());
        var change = report.Report.Changes[0];
        var flip = Assert.Single(change.Flips);
        Assert.Equal(("1d", "correct", "partial"), (flip.PartId, flip.From, flip.To));
        Assert.True(change.NewScore < change.OldScore);
        Assert.Equal((oldVersion, newVersion), (change.OldVersion, change.NewVersion));
        Assert.Equal(9, await stack.ScalarAsync("select count(*) from results"));

        var real = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001",
        });
        var done = await RegradeClient.WaitForStateAsync(stack, real.Id, "completed", Timeout);
        Assert.Equal((9, 9, 5, 0), (done.Total, done.Done, done.Changed, done.Failed));
        Assert.Null(done.Report);
        foreach (var id in near)
        {
            var now = await stack.GetSubmissionAsync(id);
            Assert.Equal("partial", now.Parts!.Single(p => p.PartId == "1d").Status);
            Assert.Equal(newVersion, now.ProblemVersion);
        }

        Assert.All(await Task.WhenAll(exact.Select(stack.GetSubmissionAsync)), s => Assert.Equal("correct", s.Parts!.Single(p => p.PartId == "1d").Status));
        var history = (await stack.Http.GetFromJsonAsync<List<ResultRevisionView>>($"/api/v1/submissions/{near[0]}/results", ServiceStack.Json))!;
        Assert.Equal(new[] { (1, false, oldVersion), (2, true, newVersion) }, history.Select(r => (r.Revision, r.Current, (string?)r.ProblemVersion)));
        Assert.True(history[1].Score < history[0].Score);
        Assert.Equal(real.Id, history[1].RegradeJobId);
        // Every result, graded one at a time or written by a regrade batch, stores the part outcomes the summaries read.
        Assert.Equal(0, await stack.ScalarAsync("""
            select count(*) from results r join submissions s on s.id = r.submission_id
            where r.part_outcomes is distinct from summary_part_outcomes(r.parts, s.answers)
            """));
        // A changed score is announced again for grade passback; an unchanged one is not.
        await Eventually.HoldsAsync(async () => await stack.Rabbit.MessageCountAsync(stack.VirtualHost, "passback-probe") == 9 + 5,
            Timeout, "9 first and 5 regrade SubmissionGraded events");

        var again = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "nothing left to regrade",
        });
        Assert.Equal(("completed", 0), (again.State, again.Total));
    }

    private static async Task<List<Guid>> PostAndGradeAsync(ServiceStack stack, int count, object answers)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, answers));
            ids.Add((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id);
        }

        foreach (var id in ids)
        {
            await stack.WaitForStatusAsync(id, "graded", Timeout);
        }

        return ids;
    }

    private static async Task<string> ProblemVersionAsync(ServiceStack stack) =>
        (await stack.Http.GetFromJsonAsync<ProblemView>($"/api/v1/problems/{SeedAnswers.ProblemId}", ServiceStack.Json))!.Version;
}
