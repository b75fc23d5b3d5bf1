using System.Net;
using Grader.Api.Queries;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// One way to read a request across every list: the same limit bounds, the same opaque cursor, the same ISO 8601 times,
/// and every bad value a 400 ProblemDetails that names its parameter.
/// </summary>
public sealed class RequestConventionTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string History = $"/api/v1/courses/{SeededCourse.Course}/students/s3/submissions";

    public static TheoryData<string> Lists() => new()
    {
        QueryClient.AssignmentPath + "/gradebook",
        History,
        "/api/v1/regrades",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_takes_a_limit_from_1_to_1000(string list)
    {
        await QueryClient.GetJsonAsync(fixture.Stack, list + "?limit=1000");
        foreach (var bad in new[] { "0", "1001", "ten" })
        {
            var problem = await QueryClient.GetProblemAsync(fixture.Stack, $"{list}?limit={bad}", HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), problem.ToString());
        }
    }

    [Theory]
    [InlineData("from=2026-11-01", true)]
    [InlineData("from=2026-11-01T09:00:00Z", true)]
    [InlineData("from=2026-11-01T10:00:00%2B01:00", true)]
    [InlineData("from=2026-11-01%2009:00", true)]
    [InlineData("from=11/01/2026", false)]
    [InlineData("from=yesterday", false)]
    public async Task Times_are_iso_8601_in_every_query(string query, bool valid)
    {
        foreach (var path in new[] { QueryClient.AssignmentPath + "/summary", QueryClient.AssignmentPath + "/gradebook", History })
        {
            if (valid)
            {
                await QueryClient.GetJsonAsync(fixture.Stack, $"{path}?{query}");
            }
            else
            {
                var problem = await QueryClient.GetProblemAsync(fixture.Stack, $"{path}?{query}", HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _), problem.ToString());
            }
        }
    }

    [Theory]
    [InlineData("changes")]
    [InlineData("failures")]
    public async Task A_regrade_report_takes_the_common_cursor_and_still_reads_after(string list)
    {
        var job = await RegradeClient.StartAsync(fixture.Stack, new { course = SeededCourse.Course, reason = "paging", dryRun = true, submittedBefore = RegradeClient.OwnFilter() });
        var path = $"/api/v1/regrades/{job.Id}/{list}";

        await QueryClient.GetJsonAsync(fixture.Stack, $"{path}?after={Guid.Empty}&limit=1");
        await QueryClient.GetJsonAsync(fixture.Stack, $"{path}?cursor={Uri.EscapeDataString(PageCursor.Seal(Guid.Empty.ToString()))}&limit=1");
        var bad = await QueryClient.GetProblemAsync(fixture.Stack, $"{path}?cursor=nope", HttpStatusCode.BadRequest);

        Assert.True(bad.GetProperty("errors").TryGetProperty("cursor", out _), bad.ToString());
    }
}
