using System.Net;
using System.Text.Json;

namespace Grader.IntegrationTests.Queries;

public sealed class AssignmentSummaryTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string Path = QueryClient.AssignmentPath + "/summary";

    [Fact]
    public async Task Summary_counts_every_submission_by_status_and_scores_each_students_latest_graded_submission()
    {
        var summary = await QueryClient.GetJsonAsync(fixture.Stack, Path);

        Assert.Equal(9, summary.GetProperty("submissions").GetInt64());
        var byStatus = summary.GetProperty("byStatus");
        Assert.Equal(7, byStatus.GetProperty("graded").GetInt64());
        Assert.Equal(1, byStatus.GetProperty("queued").GetInt64());
        Assert.Equal(1, byStatus.GetProperty("failed").GetInt64());
        Assert.Equal(0, byStatus.GetProperty("grading").GetInt64());
        Assert.Equal(3, summary.GetProperty("students").GetInt64());
        // Student totals 6, 0, 3 (of 6, 2, 6): fractions 1, 0, 0.5.
        AssertStatistics(summary.GetProperty("score"), mean: 3, median: 3, standardDeviation: Math.Sqrt(6));
        AssertStatistics(summary.GetProperty("fraction"), mean: 0.5, median: 0.5, standardDeviation: Math.Sqrt(1.0 / 6));
        Assert.Equal([1L, 0, 0, 0, 0, 1, 0, 0, 0, 1], summary.GetProperty("histogram").EnumerateArray().Select(b => b.GetInt64()));
    }

    [Fact]
    public async Task Per_part_counts_and_normalised_common_wrong_answers_come_from_the_counted_submissions()
    {
        var summary = await QueryClient.GetJsonAsync(fixture.Stack, Path);

        var parts = summary.GetProperty("parts").EnumerateArray()
            .ToDictionary(p => $"{p.GetProperty("problemId").GetString()}/{p.GetProperty("partId").GetString()}");
        Assert.Equal(["p1/a", "p1/b", "p2/c"], parts.Keys);
        AssertCounts(parts["p1/a"], correct: 1, incorrect: 2);
        AssertCounts(parts["p1/b"], correct: 2, invalid: 1);
        AssertCounts(parts["p2/c"], correct: 1, partial: 1);
        // "x+1" and " x  +  1 " are one answer; s1's earlier "x + 1" is not counted (a later submission replaced it).
        Assert.Equal([("x+1", 2L)], WrongAnswers(parts["p1/a"]));
        Assert.Equal([("((", 1L)], WrongAnswers(parts["p1/b"]));
        Assert.Equal([("[1, 2]", 1L)], WrongAnswers(parts["p2/c"]));
    }

    [Fact]
    public async Task Problem_filter_limits_counts_and_scores_to_that_problem()
    {
        var summary = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?problemId=p2");

        Assert.Equal(4, summary.GetProperty("submissions").GetInt64());
        Assert.Equal(2, summary.GetProperty("students").GetInt64());
        AssertStatistics(summary.GetProperty("score"), mean: 3, median: 3, standardDeviation: 1);
        Assert.Equal(["p2"], summary.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("problemId").GetString()).Distinct());
    }

    [Fact]
    public async Task Date_window_includes_from_and_excludes_to()
    {
        var window = $"?from={QueryClient.Iso(SeededCourse.T2)}&to={QueryClient.Iso(SeededCourse.T4)}";

        var summary = await QueryClient.GetJsonAsync(fixture.Stack, Path + window);

        // T2 and T3 only: s1 p1, s1 p2, s3 p1, s3 p2 graded; s4 failed. Totals s1 6 of 6, s3 3 of 6.
        Assert.Equal(5, summary.GetProperty("submissions").GetInt64());
        Assert.Equal(2, summary.GetProperty("students").GetInt64());
        AssertStatistics(summary.GetProperty("fraction"), mean: 0.75, median: 0.75, standardDeviation: 0.25);
    }

    [Fact]
    public async Task Window_counts_each_students_latest_submission_inside_it_with_its_parts_and_wrong_answers()
    {
        var window = $"?from={QueryClient.Iso(SeededCourse.T1)}&to={QueryClient.Iso(SeededCourse.T2)}";

        var summary = await QueryClient.GetJsonAsync(fixture.Stack, Path + window);

        // T1 only: s1 p1 (0 of 2) and s2 p1 (1 of 2), though both have later graded p1 submissions outside the window.
        Assert.Equal(2, summary.GetProperty("students").GetInt64());
        AssertStatistics(summary.GetProperty("score"), mean: 0.5, median: 0.5, standardDeviation: 0.5);
        var parts = summary.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["a", "b"], parts.Select(p => p.GetProperty("partId").GetString()));
        AssertCounts(parts[0], correct: 1, incorrect: 1);
        Assert.Equal([("x+1", 1L)], WrongAnswers(parts[0]));
        AssertCounts(parts[1], incorrect: 2);
        Assert.Equal([("3", 2L)], WrongAnswers(parts[1]));
    }

    [Fact]
    public async Task Window_without_an_end_counts_the_latest_submissions_from_its_start()
    {
        var summary = await QueryClient.GetJsonAsync(fixture.Stack, $"{Path}?from={QueryClient.Iso(SeededCourse.T3)}");

        // From T3 on: s1 p2 (4 of 4) and s2 p1 (0 of 2) graded, s3 p2 queued, s4 p2 failed; s3's graded ones are older.
        Assert.Equal(4, summary.GetProperty("submissions").GetInt64());
        Assert.Equal(2, summary.GetProperty("students").GetInt64());
        AssertStatistics(summary.GetProperty("score"), mean: 2, median: 2, standardDeviation: 2);
    }

    [Fact]
    public async Task Window_without_a_start_counts_the_latest_submissions_before_its_end()
    {
        var summary = await QueryClient.GetJsonAsync(fixture.Stack, $"{Path}?to={QueryClient.Iso(SeededCourse.T2)}");

        // Before T2: s1 p1 (0 of 2) and s2 p1 (1 of 2), though both students have later graded p1 submissions.
        Assert.Equal(2, summary.GetProperty("submissions").GetInt64());
        Assert.Equal(2, summary.GetProperty("students").GetInt64());
        AssertStatistics(summary.GetProperty("score"), mean: 0.5, median: 0.5, standardDeviation: 0.5);
    }

    [Fact]
    public async Task Window_holding_every_submission_agrees_with_the_whole_assignment_summary()
    {
        var everything = $"?from={QueryClient.Iso(SeededCourse.T1.AddDays(-1))}&to={QueryClient.Iso(SeededCourse.T5.AddDays(1))}";

        var whole = await QueryClient.GetJsonAsync(fixture.Stack, Path);
        var windowed = await QueryClient.GetJsonAsync(fixture.Stack, Path + everything);

        // Two different SQL paths (stored aggregates, and a search of the window): every statistic must agree.
        foreach (var property in new[] { "submissions", "byStatus", "students", "score", "fraction", "histogram", "parts" })
        {
            Assert.Equal(whole.GetProperty(property).GetRawText(), windowed.GetProperty(property).GetRawText());
        }
    }

    [Fact]
    public async Task Assignment_without_submissions_has_an_empty_summary()
    {
        var summary = await QueryClient.GetJsonAsync(fixture.Stack, $"/api/v1/courses/{SeededCourse.Course}/assignments/none/summary");

        Assert.Equal(0, summary.GetProperty("submissions").GetInt64());
        Assert.Equal(0, summary.GetProperty("students").GetInt64());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("score").GetProperty("mean").ValueKind);
        Assert.Empty(summary.GetProperty("parts").EnumerateArray());
        Assert.All(summary.GetProperty("histogram").EnumerateArray(), b => Assert.Equal(0, b.GetInt64()));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-11-02&to=2026-11-01", "to")]
    public async Task Bad_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await QueryClient.GetProblemAsync(fixture.Stack, $"{Path}?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static void AssertStatistics(JsonElement statistics, double mean, double median, double standardDeviation)
    {
        Assert.Equal(mean, statistics.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(median, statistics.GetProperty("median").GetDouble(), 9);
        Assert.Equal(standardDeviation, statistics.GetProperty("standardDeviation").GetDouble(), 9);
    }

    private static void AssertCounts(JsonElement part, int correct = 0, int partial = 0, int incorrect = 0, int invalid = 0, int missing = 0)
    {
        Assert.Equal(
            (correct, partial, incorrect, invalid, missing),
            (part.GetProperty("correct").GetInt32(), part.GetProperty("partial").GetInt32(), part.GetProperty("incorrect").GetInt32(),
                part.GetProperty("invalid").GetInt32(), part.GetProperty("missing").GetInt32()));
    }

    private static List<(string, long)> WrongAnswers(JsonElement part) => part.GetProperty("commonWrongAnswers").EnumerateArray()
        .Select(w => (w.GetProperty("answer").GetString()!, w.GetProperty("count").GetInt64())).ToList();
}
