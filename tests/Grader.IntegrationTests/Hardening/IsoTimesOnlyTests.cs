using System.Net;
using System.Net.Http.Json;
using Grader.IntegrationTests.Queries;

namespace Grader.IntegrationTests.Hardening;

/// <summary>Times are ISO 8601 only, in every query and body: a US-ordered date is a 400, never read as October 11.</summary>
public sealed class IsoTimesOnlyTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    [Theory]
    [InlineData("/summary?to=10/11/2026", "to")]
    [InlineData("/gradebook?from=2026-10-11&to=11.10.2026", "to")]
    [InlineData("/summary?from=10/11/2026", "from")]
    [InlineData("/gradebook?from=Oct%2011%202026", "from")]
    public async Task A_time_parameter_that_is_not_iso_8601_is_a_400(string query, string field)
    {
        var problem = await QueryClient.GetProblemAsync(fixture.Stack, QueryClient.AssignmentPath + query, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("10/11/2026")]
    [InlineData("2026-10-11 or so")]
    [InlineData(20261011)]
    public async Task A_regrade_submitted_before_that_is_not_iso_8601_is_a_400(object submittedBefore)
    {
        using var response = await fixture.Stack.Http.PostAsJsonAsync("/api/v1/regrades",
            new { course = SeededCourse.Course, reason = "dates", dryRun = true, submittedBefore });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Contains("\"submittedBefore\"", text, StringComparison.Ordinal);
    }
}
