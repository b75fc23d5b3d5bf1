using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Grader.IntegrationTests.Queries;

public sealed class GradebookTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string Path = QueryClient.AssignmentPath + "/gradebook";

    [Fact]
    public async Task Latest_policy_counts_each_students_latest_graded_submission_per_problem()
    {
        var gradebook = await QueryClient.GetJsonAsync(fixture.Stack, Path);

        Assert.Equal("latest", gradebook.GetProperty("policy").GetString());
        Assert.Equal(["p1", "p2"], gradebook.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            ["s1 p1=2 p2=4 total=6", "s2 p1=0 total=0", "s3 p1=1 p2=2 total=3"],
            Rows(gradebook));
        Assert.Equal(JsonValueKind.Null, gradebook.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Best_policy_counts_each_students_highest_score_per_problem()
    {
        var gradebook = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?policy=best");

        Assert.Equal(
            ["s1 p1=2 p2=4 total=6", "s2 p1=1 total=1", "s3 p1=1 p2=2 total=3"],
            Rows(gradebook));
    }

    [Fact]
    public async Task Date_window_counts_each_students_latest_graded_submission_inside_it()
    {
        var window = $"?from={QueryClient.Iso(SeededCourse.T1)}&to={QueryClient.Iso(SeededCourse.T3)}";

        var gradebook = await QueryClient.GetJsonAsync(fixture.Stack, Path + window);

        // s1's p2 (at T3) and s2's later p1 (at T4, score 0) are outside the window.
        Assert.Equal(
            ["s1 p1=2 total=2", "s2 p1=1 total=1", "s3 p1=1 p2=2 total=3"],
            Rows(gradebook));
    }

    [Fact]
    public async Task Problem_filter_keeps_that_problems_column_and_the_students_graded_on_it()
    {
        var gradebook = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?problemId=p2&policy=best");

        // s2 never had p2 graded; s3's later p2 is still queued, so the graded one counts.
        Assert.Equal(["p2"], gradebook.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["s1 p2=4 total=4", "s3 p2=2 total=2"], Rows(gradebook));
    }

    [Fact]
    public async Task Next_page_link_keeps_the_problem_filter()
    {
        using var response = await fixture.Stack.Http.GetAsync(Path + "?problemId=p1&limit=1");

        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains("problemId=p1", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_follow_the_next_cursor_until_every_student_is_seen()
    {
        var first = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await QueryClient.GetJsonAsync(fixture.Stack, $"{Path}?limit=2&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(["s1 p1=2 p2=4 total=6", "s2 p1=0 total=0"], Rows(first));
        Assert.Equal(["s3 p1=1 p2=2 total=3"], Rows(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Csv_has_a_header_of_problems_and_a_row_per_student_with_empty_cells_for_no_grade()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var byHeader = await fixture.Stack.Http.SendAsync(request);
        using var byQuery = await fixture.Stack.Http.GetAsync(Path + "?format=csv&policy=best");

        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal("text/csv", byHeader.Content.Headers.ContentType?.MediaType);
        Assert.Equal("student_id,p1,p2,total\r\ns1,2,4,6\r\ns2,0,,0\r\ns3,1,2,3\r\n", await byHeader.Content.ReadAsStringAsync());
        Assert.Equal("student_id,p1,p2,total\r\ns1,2,4,6\r\ns2,1,,1\r\ns3,1,2,3\r\n", await byQuery.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Csv_page_links_to_the_next_page()
    {
        using var response = await fixture.Stack.Http.GetAsync(Path + "?format=csv&limit=1");

        Assert.Equal("student_id,p1,p2,total\r\ns1,2,4,6\r\n", await response.Content.ReadAsStringAsync());
        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("format=csv", link, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy=worst", "policy")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("format=xml", "format")]
    [InlineData("from=2026-11-02&to=2026-11-01", "to")]
    public async Task Bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var problem = await QueryClient.GetProblemAsync(fixture.Stack, $"{Path}?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static List<string> Rows(JsonElement gradebook) => gradebook.GetProperty("students").EnumerateArray()
        .Select(s => string.Join(' ', new[] { s.GetProperty("studentId").GetString()! }
            .Concat(s.GetProperty("scores").EnumerateObject().Select(p => FormattableString.Invariant($"{p.Name}={p.Value.GetDouble()}")))
            .Append(FormattableString.Invariant($"total={s.GetProperty("total").GetDouble()}"))))
        .ToList();
}
