using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Submissions;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Variants;

/// <summary>
/// The summary of a randomized problem groups wrong expressions to a part whose reference differs between variants by
/// their pattern against each student's own reference: two students who take the gradient step uphill, each on their own
/// numbers (so their raw answers differ), are one common wrong answer with the count 2.
/// </summary>
public sealed class VariantExpressionWrongAnswerTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private const string ProblemId = "mit-6036-s17-hw4-randomized";
    private const string Summary = "/api/v1/courses/cs189/assignments/steps/summary";
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task The_same_uphill_step_on_two_students_numbers_is_one_common_wrong_answer()
    {
        var ada = Variant("ada");
        var bob = Variant("bob");
        var adaAnswer = $"{Number(ada.Variant.Values["w1"])} + {Number(Slope(ada))}*eta";
        var bobAnswer = $"{Number(bob.Variant.Values["w1"])} + {Number(Slope(bob))}*eta";
        Assert.NotEqual(adaAnswer, bobAnswer);

        await PostAndGradeAsync("ada", adaAnswer);
        await PostAndGradeAsync("bob", bobAnswer);
        // The step without its start is another slip, a group of its own.
        var cy = Variant("cy");
        await PostAndGradeAsync("cy", $"-{Number(Slope(cy))}*eta");

        using var summary = JsonDocument.Parse(await Stack.Http.GetStringAsync(Summary));
        var part = summary.RootElement.GetProperty("parts").EnumerateArray()
            .Single(p => p.GetProperty("problemId").GetString() == ProblemId && p.GetProperty("partId").GetString() == "3d.update");
        var wrong = part.GetProperty("commonWrongAnswers").EnumerateArray()
            .Select(w => (w.GetProperty("answer").GetString(), w.GetProperty("count").GetInt64())).ToList();
        Assert.Equal([("start: right; slope: negated", 2L), ("start: zero; slope: right", 1L)], wrong);
        Assert.Equal(0, await Stack.ScalarAsync("""
            select count(*) from results r join submissions s on s.id = r.submission_id
            where r.part_outcomes is distinct from summary_part_outcomes(r.parts, s.answers)
            """));
    }

    private async Task PostAndGradeAsync(string student, string step)
    {
        var body = WebhookClient.Body(ProblemId, new Dictionary<string, object> { ["3d.update"] = step });
        body["assignment"] = "steps";
        body["studentId"] = student;
        using var response = await Stack.Webhook.PostAsync(body);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await Stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(60));
    }

    private static Problem Variant(string student) =>
        ProblemLoader.LoadFile(Path.Combine(TestServers.ProblemsDirectory, ProblemId + ".yaml"))
            .Variants!.ForStudent(ServiceStack.VariantSalt, new VariantKey("cs189", "steps", student));

    // ∂C/∂w1 at the student's own point, the slope of their step: C = ½(y − 1)², y = σ(w2·ReLU(w1·x) + b).
    private static double Slope(Problem problem)
    {
        var v = problem.Variant.Values;
        var y = 1 / (1 + Math.Exp(-(v["w2"] * Math.Max(0, v["w1"] * v["x"]) + v["b"])));
        return (y - 1) * y * (1 - y) * v["w2"] * v["x"];
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
