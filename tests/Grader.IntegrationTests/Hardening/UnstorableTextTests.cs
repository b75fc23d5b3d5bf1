using System.Net;
using System.Text;
using Grader.Api.Queries;
using Grader.IntegrationTests.Queries;

namespace Grader.IntegrationTests.Hardening;

/// <summary>
/// Text PostgreSQL cannot hold (a NUL, a lone UTF-16 surrogate) in any query parameter, cursor or regrade field is a 400
/// naming the field, never a 500 from the database, and nothing is stored.
/// </summary>
public sealed class UnstorableTextTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string History = $"/api/v1/courses/{SeededCourse.Course}/students/s3/submissions";

    public static TheoryData<string, string> Queries() => new()
    {
        { QueryClient.AssignmentPath + "/summary?problemId=%00", "problemId" },
        { QueryClient.AssignmentPath + "/gradebook?problemId=a%00b", "problemId" },
        { History + "?problemId=%00", "problemId" },
        { "/api/v1/regrades?course=%00", "course" },
        { QueryClient.AssignmentPath + "/gradebook?cursor=" + Uri.EscapeDataString(PageCursor.Seal("s1\0")), "cursor" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_nul_in_a_query_parameter_is_a_400_naming_it(string path, string field)
    {
        var problem = await QueryClient.GetProblemAsync(fixture.Stack, path, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("reason", "\"why\\u0000\"")]
    [InlineData("reason", "\"\\ud800\"")]
    [InlineData("assignment", "\"hw\\u0000\"")]
    [InlineData("course", "\"\\udc00x\"")]
    [InlineData("problemId", "\"\\u0000\"")]
    public async Task A_regrade_field_postgresql_cannot_hold_is_a_400_and_no_job(string field, string json)
    {
        var fields = new Dictionary<string, string>
        {
            ["course"] = $"\"{SeededCourse.Course}\"",
            ["reason"] = "\"hardening\"",
            ["dryRun"] = "true",
            [field] = json,
        };
        var body = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
        var jobsBefore = await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs");

        using var response = await fixture.Stack.Http.PostAsync("/api/v1/regrades", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);
        Assert.Equal(jobsBefore, await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs"));
    }
}
