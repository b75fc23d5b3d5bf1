using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Submissions;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Variants;

/// <summary>
/// The summary of a randomized problem groups wrong answers by their pattern against each student's own reference: two
/// students on different numbers who make the same slip are one common wrong answer, with the count 2.
/// </summary>
public sealed class VariantWrongAnswerTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private const string ProblemId = "cs189-dis4-randomized";
    private const string Summary = "/api/v1/courses/cs189/assignments/patterns/summary";
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task The_same_sign_slip_on_two_students_numbers_is_one_common_wrong_answer()
    {
        var ada = Values("ada");
        var bob = Values("bob");
        Assert.NotEqual(ada["z"], bob["z"]);

        await PostAndGradeAsync("ada", FlippedInputGradients(ada));
        await PostAndGradeAsync("bob", FlippedInputGradients(bob));
        // A third slip of another kind (∂f/∂z doubled) stays a group of its own.
        await PostAndGradeAsync("cy", DoubledDfDz(Values("cy")));

        foreach (var path in new[] { Summary, $"{Summary}?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z" })
        {
            using var summary = JsonDocument.Parse(await Stack.Http.GetStringAsync(path));
            var part = summary.RootElement.GetProperty("parts").EnumerateArray()
                .Single(p => p.GetProperty("problemId").GetString() == ProblemId && p.GetProperty("partId").GetString() == "1d");
            var wrong = part.GetProperty("commonWrongAnswers").EnumerateArray()
                .Select(w => (w.GetProperty("answer").GetString(), w.GetProperty("count").GetInt64())).ToList();
            Assert.Equal([("df_dx: negated; df_dy: negated", 2L), ("df_dz: ×2", 1L)], wrong);
            var sign = part.GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("tag").GetString() == "sign");
            Assert.Equal(2, sign.GetProperty("count").GetInt64());
        }
        Assert.Equal(0, await Stack.ScalarAsync("""
            select count(*) from results r join submissions s on s.id = r.submission_id
            where r.part_outcomes is distinct from summary_part_outcomes(r.parts, s.answers)
            """));
    }

    private async Task PostAndGradeAsync(string student, Dictionary<string, double> answer)
    {
        var body = WebhookClient.Body(ProblemId, new Dictionary<string, object> { ["1d"] = answer });
        body["assignment"] = "patterns";
        body["studentId"] = student;
        using var response = await Stack.Webhook.PostAsync(body);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await Stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(60));
    }

    private static IReadOnlyDictionary<string, double> Values(string student) =>
        ProblemLoader.LoadFile(Path.Combine(TestServers.ProblemsDirectory, ProblemId + ".yaml"))
            .Variants!.ForStudent(ServiceStack.VariantSalt, new VariantKey("cs189", "patterns", student)).Variant.Values;

    private static Dictionary<string, double> FlippedInputGradients(IReadOnlyDictionary<string, double> v)
    {
        var q = v["x"] + v["y"];
        return new() { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = q, ["df_dx"] = -v["z"], ["df_dy"] = -v["z"] };
    }

    private static Dictionary<string, double> DoubledDfDz(IReadOnlyDictionary<string, double> v)
    {
        var q = v["x"] + v["y"];
        return new() { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = 2 * q, ["df_dx"] = v["z"], ["df_dy"] = v["z"] };
    }
}
