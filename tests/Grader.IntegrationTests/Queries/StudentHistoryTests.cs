using System.Net;
using System.Text.Json;

namespace Grader.IntegrationTests.Queries;

public sealed class StudentHistoryTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string Path = $"/api/v1/courses/{SeededCourse.Course}/students/s3/submissions";

    [Fact]
    public async Task History_lists_a_students_submissions_newest_first_with_scores()
    {
        var history = await QueryClient.GetJsonAsync(fixture.Stack, Path);

        Assert.Equal(["p2 queued - T5", "p2 graded 2/4 T2+30", "p1 graded 1/2 T2"], Entries(history));
        Assert.Equal(JsonValueKind.Null, history.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task History_pages_by_cursor_without_gaps_or_repeats()
    {
        var first = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?limit=2");
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var second = await QueryClient.GetJsonAsync(fixture.Stack, $"{Path}?limit=2&cursor={cursor}");

        Assert.Equal(["p2 queued - T5", "p2 graded 2/4 T2+30"], Entries(first));
        Assert.Equal(["p1 graded 1/2 T2"], Entries(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task History_filters_by_problem_and_date()
    {
        var byProblem = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?problemId=p1");
        var byDate = await QueryClient.GetJsonAsync(fixture.Stack, $"{Path}?from={QueryClient.Iso(SeededCourse.T3)}");

        Assert.Equal(["p1 graded 1/2 T2"], Entries(byProblem));
        Assert.Equal(["p2 queued - T5"], Entries(byDate));
    }

    [Theory]
    [InlineData("cursor=djE6bm9wZQ", "cursor")]
    [InlineData("cursor=***", "cursor")]
    [InlineData("from=2026-11-01T25:00:00Z", "from")]
    [InlineData("limit=ten", "limit")]
    public async Task Bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var problem = await QueryClient.GetProblemAsync(fixture.Stack, $"{Path}?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static List<string> Entries(JsonElement history) => history.GetProperty("submissions").EnumerateArray()
        .Select(s =>
        {
            var score = s.GetProperty("score").ValueKind == JsonValueKind.Null
                ? "-"
                : FormattableString.Invariant($"{s.GetProperty("score").GetDouble()}/{s.GetProperty("maxScore").GetDouble()}");
            var at = s.GetProperty("submittedAt").GetDateTimeOffset();
            var label = at == SeededCourse.T5 ? "T5" : at == SeededCourse.T3 ? "T3" : at == SeededCourse.T2 ? "T2" : at == SeededCourse.T2.AddMinutes(30) ? "T2+30" : at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return $"{s.GetProperty("problemId").GetString()} {s.GetProperty("status").GetString()} {score} {label}";
        })
        .ToList();
}
