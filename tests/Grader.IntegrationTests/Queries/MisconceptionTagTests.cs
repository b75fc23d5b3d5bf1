using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Problems;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Queries;

/// <summary>Misconception tags (issue 13) from the worker's grade through regrades to the submission view and the summary.</summary>
public sealed class MisconceptionTagTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Summary = "/api/v1/courses/cs189/assignments/dis4/summary";

    // 2f.b with the residual's sign flipped is a sign slip at every sample point. In 1d, f and df_dq carry the opposite sign
    // and q = 3.02 is right at the default rtol 0.01: the two wrong fields share the sign slip. Once 1d's rtol is 0.001,
    // q is wrong too and the three wrong fields no longer share one slip, so a regrade drops 1d's tag and keeps 2f.b's.
    private static readonly object SignSlips = new Dictionary<string, object>
    {
        ["1d"] = new Dictionary<string, double> { ["q"] = 3.02, ["f"] = 12, ["df_dq"] = 4, ["df_dz"] = 3, ["df_dx"] = -4, ["df_dy"] = -4 },
        ["2f.b"] = "W2' * (y - W2*(W1*x + b))",
        ["3b"] = 233,
    };

    private static readonly object AllRight = new Dictionary<string, object>
    {
        ["1d"] = new Dictionary<string, double> { ["q"] = 3, ["f"] = -12, ["df_dq"] = -4, ["df_dz"] = 3, ["df_dx"] = -4, ["df_dy"] = -4 },
        ["2f.b"] = "W2' * (W2*(W1*x + b) - y)",
        ["3b"] = 233,
    };

    [Fact]
    public async Task Sign_slips_are_tagged_per_part_counted_in_the_summary_and_updated_by_a_regrade()
    {
        using var problems = new ProblemsFolder();
        await using var stack = await ServiceStack.StartAsync(problems.Path);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1);
        var slipped = await PostAndGradeAsync(stack, "tags-1", SignSlips);
        var right = await PostAndGradeAsync(stack, "tags-2", AllRight);

        var first = await PartTagsAsync(stack, $"/api/v1/submissions/{slipped}");
        Assert.Equal<string[]?>(["sign"], first["1d"]);
        Assert.Equal<string[]?>(["sign"], first["2f.b"]);
        Assert.Null(first["3b"]); // no "tags" property at all on a part without a slip, as in the JSON report
        Assert.All((await PartTagsAsync(stack, $"/api/v1/submissions/{right}")).Values, Assert.Null);

        // Two counted submissions (one per student); each tag's share is over both.
        foreach (var path in new[] { Summary, $"{Summary}?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z" })
        {
            var summary = await SummaryTagsAsync(stack, path);
            Assert.Equal([("sign", 1L, 0.5)], summary["1d"]);
            Assert.Equal([("sign", 1L, 0.5)], summary["2f.b"]);
            Assert.Empty(summary["3b"]);
        }

        var oldVersion = (await stack.GetSubmissionAsync(slipped)).ProblemVersion;
        problems.NarrowToleranceOf1d();
        await Eventually.HoldsAsync(async () => (await ProblemVersionAsync(stack)) != oldVersion, Timeout, "the API to reload the edit");
        var job = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001",
        });
        var done = await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);
        Assert.Equal((2, 2, 0), (done.Total, done.Done, done.Failed));

        var regraded = await PartTagsAsync(stack, $"/api/v1/submissions/{slipped}");
        Assert.Null(regraded["1d"]);
        Assert.Equal<string[]?>(["sign"], regraded["2f.b"]);
        using (var history = JsonDocument.Parse(await stack.Http.GetStringAsync($"/api/v1/submissions/{slipped}/results")))
        {
            var revisions = history.RootElement.EnumerateArray().Select(r => Tags(r.GetProperty("parts"))["1d"]).ToList();
            Assert.Equal([["sign"], null], revisions);
        }

        var after = await SummaryTagsAsync(stack, Summary);
        Assert.Empty(after["1d"]);
        Assert.Equal([("sign", 1L, 0.5)], after["2f.b"]);
        // The stored reduced outcomes, written by the worker's trigger and by the regrade batch, are the function's output.
        Assert.Equal(0, await stack.ScalarAsync("""
            select count(*) from results r join submissions s on s.id = r.submission_id
            where r.part_outcomes is distinct from summary_part_outcomes(r.parts, s.answers)
            """));
    }

    private static async Task<Guid> PostAndGradeAsync(ServiceStack stack, string studentId, object answers)
    {
        var body = WebhookClient.Body(SeedAnswers.ProblemId, answers);
        body["studentId"] = studentId;
        using var response = await stack.Webhook.PostAsync(body);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await stack.WaitForStatusAsync(id, "graded", Timeout);
        return id;
    }

    /// <summary>Each part's tags as the raw JSON has them, null where the part has no <c>tags</c> property.</summary>
    private static async Task<Dictionary<string, string[]?>> PartTagsAsync(ServiceStack stack, string path)
    {
        using var json = JsonDocument.Parse(await stack.Http.GetStringAsync(path));
        return Tags(json.RootElement.GetProperty("parts"));
    }

    private static Dictionary<string, string[]?> Tags(JsonElement parts) => parts.EnumerateArray().ToDictionary(
        p => p.GetProperty("partId").GetString()!,
        p => p.TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!).ToArray() : null);

    private static async Task<Dictionary<string, (string, long, double)[]>> SummaryTagsAsync(ServiceStack stack, string path)
    {
        var summary = await QueryClient.GetJsonAsync(stack, path);
        Assert.Equal(2, summary.GetProperty("students").GetInt64());
        return summary.GetProperty("parts").EnumerateArray().ToDictionary(
            p => p.GetProperty("partId").GetString()!,
            p => p.GetProperty("tags").EnumerateArray()
                .Select(t => (t.GetProperty("tag").GetString()!, t.GetProperty("count").GetInt64(), t.GetProperty("share").GetDouble()))
                .ToArray());
    }

    private static async Task<string> ProblemVersionAsync(ServiceStack stack) =>
        (await stack.Http.GetFromJsonAsync<ProblemView>($"/api/v1/problems/{SeedAnswers.ProblemId}", ServiceStack.Json))!.Version;
}
