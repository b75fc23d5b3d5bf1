using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Submissions;
using Grader.Data.Access;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Variants;

/// <summary>A randomized problem through the service: the LMS shows each student their numbers, the worker grades against them.</summary>
public sealed class StudentVariantTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private const string ProblemId = "cs189-dis4-randomized";
    private static readonly TimeSpan GradeTimeout = TimeSpan.FromSeconds(60);
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task The_variant_endpoint_shows_a_students_numbers_to_an_lms_key_of_that_course_only()
    {
        var lms = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));
        var expected = Variant("cs189", "dis4", "student-1");

        using var own = await lms.GetAsync($"/api/v1/problems/{ProblemId}/variant?course=cs189&assignment=dis4&studentId=student-1");
        using var other = await lms.GetAsync($"/api/v1/problems/{ProblemId}/variant?course=cs61a&assignment=dis4&studentId=student-1");
        using var incomplete = await lms.GetAsync($"/api/v1/problems/{ProblemId}/variant?course=cs189&assignment=dis4");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var sheet = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        var values = sheet.RootElement.GetProperty("variant").GetProperty("values");
        Assert.Equal(expected["z"], values.GetProperty("z").GetDouble());
        var prompt = sheet.RootElement.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "1d")
            .GetProperty("prompt").GetString();
        Assert.Contains($"z = {Parameter.Format(expected["z"])}", prompt, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
    }

    [Fact]
    public async Task A_submission_is_graded_against_its_students_variant()
    {
        var mine = Variant("cs189", "dis4", "student-1");
        var body = WebhookClient.Body(ProblemId, new Dictionary<string, object> { ["1d"] = StagedComputation(mine) });
        var classmate = WebhookClient.Body(ProblemId, new Dictionary<string, object> { ["1d"] = StagedComputation(mine) });
        classmate["studentId"] = "student-2";
        Assert.NotEqual(mine, Variant("cs189", "dis4", "student-2"));

        using var response = await Stack.Webhook.PostAsync(body);
        using var copied = await Stack.Webhook.PostAsync(classmate);
        var graded = await Stack.WaitForStatusAsync((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id, "graded", GradeTimeout);
        var copy = await Stack.WaitForStatusAsync((await copied.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id, "graded", GradeTimeout);

        Assert.Equal("correct", graded.Parts!.Single(p => p.PartId == "1d").Status);
        Assert.NotEqual("correct", copy.Parts!.Single(p => p.PartId == "1d").Status);
        var history = await Stack.Http.GetFromJsonAsync<List<ResultRevisionView>>($"/api/v1/submissions/{graded.Id}/results", ServiceStack.Json);
        var seed = VariantSeed.For(ServiceStack.VariantSalt, ProblemId, new VariantKey("cs189", "dis4", "student-1"));
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"seed {seed}"), Assert.Single(history!).Variant);
    }

    private static IReadOnlyDictionary<string, double> Variant(string course, string assignment, string student)
    {
        var problem = ProblemLoader.LoadFile(Path.Combine(TestServers.ProblemsDirectory, ProblemId + ".yaml"));
        return problem.Variants!.ForStudent(ServiceStack.VariantSalt, new VariantKey(course, assignment, student)).Variant.Values;
    }

    private static Dictionary<string, double> StagedComputation(IReadOnlyDictionary<string, double> v)
    {
        var q = v["x"] + v["y"];
        return new() { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = q, ["df_dx"] = v["z"], ["df_dy"] = v["z"] };
    }
}
