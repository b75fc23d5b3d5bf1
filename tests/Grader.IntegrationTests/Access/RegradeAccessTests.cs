using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Access;

/// <summary>
/// Regrade jobs under access control: instructor and admin keys only; an instructor key regrades only its own courses and
/// sees only their jobs (another course's job is 404); a job across courses is an admin's. Dry runs, so nothing is written.
/// </summary>
public sealed class RegradeAccessTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string Own = SeededCourse.Course;
    private const string Other = SeededCourse.OtherCourse;

    public static TheoryData<ApiKeyRole, string?, HttpStatusCode> StartTable() => new()
    {
        { ApiKeyRole.Lms, Own, HttpStatusCode.Forbidden },
        { ApiKeyRole.Instructor, Own, HttpStatusCode.Accepted },
        { ApiKeyRole.Instructor, Other, HttpStatusCode.NotFound },
        { ApiKeyRole.Instructor, null, HttpStatusCode.BadRequest },
        { ApiKeyRole.Admin, Own, HttpStatusCode.Accepted },
        { ApiKeyRole.Admin, Other, HttpStatusCode.Accepted },
        { ApiKeyRole.Admin, null, HttpStatusCode.Accepted },
    };

    [Theory]
    [MemberData(nameof(StartTable))]
    public async Task Starting_a_regrade_needs_an_instructor_or_admin_key_for_the_course(ApiKeyRole role, string? course, HttpStatusCode expected)
    {
        using var client = fixture.Stack.CreateClient(await KeyAsync(role));

        using var response = await client.PostAsJsonAsync("/api/v1/regrades", new { course, reason = "access test", dryRun = true, submittedBefore = RegradeClient.OwnFilter() });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("\"course\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Instructor_sees_and_cancels_only_its_own_courses_jobs()
    {
        using var admin = fixture.Stack.CreateClient(await KeyAsync(ApiKeyRole.Admin));
        var ownJob = await StartAsync(admin, Own);
        var otherJob = await StartAsync(admin, Other);
        var acrossCourses = await StartAsync(admin, null);
        using var instructor = fixture.Stack.CreateClient(await KeyAsync(ApiKeyRole.Instructor));
        using var lms = fixture.Stack.CreateClient(await KeyAsync(ApiKeyRole.Lms));

        Assert.Equal(HttpStatusCode.OK, (await instructor.GetAsync($"/api/v1/regrades/{ownJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await instructor.GetAsync($"/api/v1/regrades/{ownJob}/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await instructor.GetAsync($"/api/v1/regrades/{ownJob}/failures")).StatusCode);
        foreach (var hidden in new[] { otherJob, acrossCourses })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await instructor.GetAsync($"/api/v1/regrades/{hidden}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await instructor.GetAsync($"/api/v1/regrades/{hidden}/changes")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await instructor.GetAsync($"/api/v1/regrades/{hidden}/failures")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await instructor.PostAsync($"/api/v1/regrades/{hidden}/cancel", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await lms.GetAsync($"/api/v1/regrades/{ownJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/regrades/{otherJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/regrades/{acrossCourses}")).StatusCode);
    }

    private async Task<string> KeyAsync(ApiKeyRole role) =>
        await fixture.Stack.CreateApiKeyAsync(role, role == ApiKeyRole.Admin ? [] : [Own]);

    private static async Task<Guid> StartAsync(HttpClient client, string? course)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/regrades", new { course, reason = "access test", dryRun = true, submittedBefore = RegradeClient.OwnFilter() });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return job.RootElement.GetProperty("id").GetGuid();
    }
}
