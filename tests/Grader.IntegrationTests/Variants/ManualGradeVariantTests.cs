using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.Grading.Variants;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Variants;

/// <summary>A staff grade of a randomized problem's manual part is a new result revision on the same variant.</summary>
public sealed class ManualGradeVariantTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private const string ProblemId = "cs189-dis4-randomized";
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task A_manual_grade_keeps_the_submissions_variant_seed_in_its_new_revision()
    {
        var body = WebhookClient.Body(ProblemId, new Dictionary<string, object> { ["1a"] = "q = x + y, f = q z" });
        body["assignment"] = "manual-variant";
        body["studentId"] = "student-7";
        using var posted = await Stack.Webhook.PostAsync(body);
        var id = (await posted.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await Stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(60));

        using var graded = await Stack.Http.PutAsJsonAsync($"/api/v1/courses/cs189/submissions/{id}/manual/1a", new { points = 1, comment = "Good." });
        var history = (await Stack.Http.GetFromJsonAsync<List<ResultRevisionView>>($"/api/v1/submissions/{id}/results", ServiceStack.Json))!;

        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        var seed = string.Create(CultureInfo.InvariantCulture,
            $"seed {VariantSeed.For(ServiceStack.VariantSalt, ProblemId, new VariantKey("cs189", "manual-variant", "student-7"))}");
        Assert.Equal(new (int, string?)[] { (1, seed), (2, seed) }, history.Select(r => (r.Revision, r.Variant)));
        Assert.StartsWith("staff:", history[1].GradedBy, StringComparison.Ordinal);
    }
}
