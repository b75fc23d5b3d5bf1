using System.Globalization;
using System.Net.Http.Json;
using Grader.Api.Problems;
using Grader.Api.Submissions;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Variants;

public sealed class VariantRegradeTests
{
    private const string ProblemId = "cs189-dis4-randomized";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_regrade_after_a_problem_edit_grades_each_student_against_their_own_variant_again()
    {
        using var problems = new ProblemsFolder();
        await using var stack = await ServiceStack.StartAsync(problems.Path);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1);
        var students = new[] { "student-1", "student-2", "student-3" };
        var ids = new List<Guid>();
        foreach (var student in students)
        {
            var body = WebhookClient.Body(ProblemId, new Dictionary<string, object> { ["1d"] = RightAnswer(student) });
            body["studentId"] = student;
            using var response = await stack.Webhook.PostAsync(body);
            var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
            Assert.Equal("correct", (await stack.WaitForStatusAsync(id, "graded", Timeout)).Parts!.Single(p => p.PartId == "1d").Status);
            ids.Add(id);
        }

        var oldVersion = (await stack.GetSubmissionAsync(ids[0])).ProblemVersion;
        problems.NarrowToleranceOf1d(ProblemId);
        await Eventually.HoldsAsync(async () => (await VersionAsync(stack)) != oldVersion, Timeout, "the API to reload the edit");
        var job = await RegradeClient.StartAsync(stack, new { problemId = ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001" });
        var done = await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);

        Assert.Equal((3, 0), (done.Done, done.Failed));
        for (var i = 0; i < students.Length; i++)
        {
            var history = (await stack.Http.GetFromJsonAsync<List<ResultRevisionView>>($"/api/v1/submissions/{ids[i]}/results", ServiceStack.Json))!;
            var seed = string.Create(CultureInfo.InvariantCulture,
                $"seed {VariantSeed.For(ServiceStack.VariantSalt, ProblemId, new VariantKey("cs189", "dis4", students[i]))}");
            Assert.Equal(new (int, string?)[] { (1, seed), (2, seed) }, history.Select(r => (r.Revision, r.Variant)));
            Assert.NotEqual(history[0].ProblemVersion, history[1].ProblemVersion);
            Assert.Equal("correct", (await stack.GetSubmissionAsync(ids[i])).Parts!.Single(p => p.PartId == "1d").Status);
        }
    }

    private static async Task<string> VersionAsync(ServiceStack stack) =>
        (await stack.Http.GetFromJsonAsync<ProblemView>($"/api/v1/problems/{ProblemId}", ServiceStack.Json))!.Version;

    private static Dictionary<string, double> RightAnswer(string student)
    {
        var problem = ProblemLoader.LoadFile(Path.Combine(TestServers.ProblemsDirectory, ProblemId + ".yaml"));
        var v = problem.Variants!.ForStudent(ServiceStack.VariantSalt, new VariantKey("cs189", "dis4", student)).Variant.Values;
        var q = v["x"] + v["y"];
        return new() { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = q, ["df_dx"] = v["z"], ["df_dy"] = v["z"] };
    }
}
