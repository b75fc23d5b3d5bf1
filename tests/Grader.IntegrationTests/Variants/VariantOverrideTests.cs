using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Submissions;
using Grader.Api.Variants;
using Grader.Data.Access;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Variants;

/// <summary>
/// An instructor's override of one student's variant, through the service: what the LMS shows, what the worker grades and
/// what a regrade grades against all follow it, clearing it restores the seed's variant, and only the course's staff set it.
/// Each test uses its own assignment, so the tests of the class share one stack without sharing a student's variant.
/// </summary>
public sealed class VariantOverrideTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private const string ProblemId = "cs189-dis4-randomized";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, double> Accommodation = new() { ["x"] = 3, ["y"] = 4, ["z"] = 2 };
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task An_override_changes_the_numbers_the_student_sees_and_is_graded_against()
    {
        var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        var lms = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));
        var overridden = Handout().Variants!.For(new VariantOverride(null, Accommodation));

        using var set = await instructor.PutAsJsonAsync(OverridePath("ovr-shown", "student-1"),
            new { values = Accommodation, reason = "accommodation: smaller numbers" });
        var shown = await VariantValuesAsync(lms, "ovr-shown", "student-1");
        var graded = await SubmitAsync("ovr-shown", "student-1", overridden.Variant.Values);
        var seedAnswer = await SubmitAsync("ovr-shown", "student-1", SeedVariant("ovr-shown", "student-1").Variant.Values);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = (await set.Content.ReadFromJsonAsync<VariantOverrideView>(ServiceStack.Json))!;
        Assert.Equal(overridden.Variant.Key, view.Variant);
        Assert.Equal((3.0, 4.0, 2.0), (shown["x"], shown["y"], shown["z"]));
        Assert.Equal("correct", Part1d(graded));
        Assert.NotEqual("correct", Part1d(seedAnswer));
        Assert.Equal(overridden.Variant.Key, Assert.Single(await HistoryAsync(graded.Id)).Variant);
    }

    [Fact]
    public async Task Clearing_an_override_restores_the_students_seeded_variant()
    {
        var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        var lms = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));
        var seeded = SeedVariant("ovr-cleared", "student-1");
        (await instructor.PutAsJsonAsync(OverridePath("ovr-cleared", "student-1"), new { values = Accommodation })).EnsureSuccessStatusCode();

        using var cleared = await instructor.DeleteAsync(OverridePath("ovr-cleared", "student-1"));
        using var again = await instructor.DeleteAsync(OverridePath("ovr-cleared", "student-1"));
        var shown = await VariantValuesAsync(lms, "ovr-cleared", "student-1");
        var graded = await SubmitAsync("ovr-cleared", "student-1", seeded.Variant.Values);

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(seeded.Variant.Values["z"], shown["z"]);
        Assert.Equal("correct", Part1d(graded));
        Assert.Equal(Seed("ovr-cleared", "student-1"), Assert.Single(await HistoryAsync(graded.Id)).Variant);
    }

    [Fact]
    public async Task A_regrade_grades_against_an_override_set_after_the_first_grade()
    {
        var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        var overridden = Handout().Variants!.For(new VariantOverride(null, Accommodation));
        // Answered for the accommodation's numbers before the override was set: wrong for the seed's variant.
        var first = await SubmitAsync("ovr-regrade", "student-1", overridden.Variant.Values);
        Assert.NotEqual("correct", Part1d(first));
        (await instructor.PutAsJsonAsync(OverridePath("ovr-regrade", "student-1"), new { values = Accommodation })).EnsureSuccessStatusCode();

        var job = await RegradeClient.StartAsync(Stack, new { course = "cs189", assignment = "ovr-regrade", problemId = ProblemId, reason = "accommodation" });
        var done = await RegradeClient.WaitForStateAsync(Stack, job.Id, "completed", Timeout);

        Assert.Equal((1, 0), (done.Done, done.Failed));
        Assert.Equal("correct", Part1d(await Stack.GetSubmissionAsync(first.Id)));
        Assert.Equal(new[] { Seed("ovr-regrade", "student-1"), overridden.Variant.Key }, (await HistoryAsync(first.Id)).Select(r => r.Variant));
    }

    [Fact]
    public async Task Only_the_courses_instructors_set_an_override_and_a_bad_value_is_refused_by_name()
    {
        var otherCourse = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs61a"));
        var lms = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));
        var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));

        using var foreign = await otherCourse.PutAsJsonAsync(OverridePath("ovr-access", "student-1"), new { values = Accommodation });
        using var foreignClear = await otherCourse.DeleteAsync(OverridePath("ovr-access", "student-1"));
        using var byLms = await lms.PutAsJsonAsync(OverridePath("ovr-access", "student-1"), new { values = Accommodation });
        using var offGrid = await instructor.PutAsJsonAsync(OverridePath("ovr-access", "student-1"), new { values = new { z = 0.3 } });
        using var unknown = await instructor.PutAsJsonAsync(OverridePath("ovr-access", "student-1"), new { values = new { w = 1 } });
        using var badSeed = await instructor.PutAsJsonAsync(OverridePath("ovr-access", "student-1"), new { seed = "-1" });
        using var fixedProblem = await instructor.PutAsJsonAsync(
            "/api/v1/courses/cs189/variant-overrides/assignments/ovr-access/problems/cs189-dis4/students/student-1", new { seed = "7" });
        var listed = await instructor.GetFromJsonAsync<List<VariantOverrideView>>(
            "/api/v1/courses/cs189/variant-overrides?assignment=ovr-access", ServiceStack.Json);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignClear.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLms.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, offGrid.StatusCode);
        Assert.Contains("\"values\"", await offGrid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'w'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badSeed.StatusCode);
        Assert.Contains("\"seed\"", await badSeed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, fixedProblem.StatusCode);
        Assert.Empty(listed!);
    }

    [Fact]
    public async Task A_seed_override_is_listed_with_the_variant_it_draws()
    {
        var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        const ulong seed = 18_000_000_000_000_000_001;
        var drawn = Handout().Variants!.ForSeed(seed);

        using var set = await instructor.PutAsJsonAsync(OverridePath("ovr-list", "student-2"),
            new { seed = seed.ToString(CultureInfo.InvariantCulture), reason = "retake" });
        var listed = await instructor.GetFromJsonAsync<List<VariantOverrideView>>(
            $"/api/v1/courses/cs189/variant-overrides?assignment=ovr-list&problemId={ProblemId}", ServiceStack.Json);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var only = Assert.Single(listed!);
        Assert.Equal(("student-2", seed.ToString(CultureInfo.InvariantCulture), "retake"), (only.StudentId, only.Seed, only.Reason));
        Assert.Equal(drawn.Variant.Key, only.Variant);
        Assert.Equal(drawn.Variant.Values["z"], only.VariantValues!["z"]);
    }

    private static string OverridePath(string assignment, string student) =>
        $"/api/v1/courses/cs189/variant-overrides/assignments/{assignment}/problems/{ProblemId}/students/{student}";

    private async Task<SubmissionView> SubmitAsync(string assignment, string student, IReadOnlyDictionary<string, double> v)
    {
        var q = v["x"] + v["y"];
        var body = WebhookClient.Body(ProblemId, new Dictionary<string, object>
        {
            ["1d"] = new Dictionary<string, double> { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = q, ["df_dx"] = v["z"], ["df_dy"] = v["z"] },
        });
        body["assignment"] = assignment;
        body["studentId"] = student;
        using var response = await Stack.Webhook.PostAsync(body);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        return await Stack.WaitForStatusAsync(id, "graded", Timeout);
    }

    private static async Task<Dictionary<string, double>> VariantValuesAsync(HttpClient lms, string assignment, string student)
    {
        using var sheet = JsonDocument.Parse(await lms.GetStringAsync(
            $"/api/v1/problems/{ProblemId}/variant?course=cs189&assignment={assignment}&studentId={student}"));
        return sheet.RootElement.GetProperty("variant").GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    private async Task<List<ResultRevisionView>> HistoryAsync(Guid id) =>
        (await Stack.Http.GetFromJsonAsync<List<ResultRevisionView>>($"/api/v1/submissions/{id}/results", ServiceStack.Json))!;

    private static string? Part1d(SubmissionView submission) => submission.Parts!.Single(p => p.PartId == "1d").Status;

    private static Problem Handout() => ProblemLoader.LoadFile(Path.Combine(TestServers.ProblemsDirectory, ProblemId + ".yaml"));

    private static Problem SeedVariant(string assignment, string student) =>
        Handout().Variants!.ForStudent(ServiceStack.VariantSalt, new VariantKey("cs189", assignment, student));

    private static string Seed(string assignment, string student) => string.Create(CultureInfo.InvariantCulture,
        $"seed {VariantSeed.For(ServiceStack.VariantSalt, ProblemId, new VariantKey("cs189", assignment, student))}");
}
