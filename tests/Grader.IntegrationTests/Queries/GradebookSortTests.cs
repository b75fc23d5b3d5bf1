using System.Net;
using System.Text.Json;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// The gradebook sorted over the whole assignment (SeededCourse, latest: s1 p1 2 + p2 4 = 6, s2 p1 0, s3 p1 1 + p2 2 = 3;
/// best: s2 p1 1): a page's students are the first of the whole order, not the first by id re-sorted.
/// </summary>
public sealed class GradebookSortTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string Path = QueryClient.AssignmentPath + "/gradebook";

    [Fact]
    public async Task Sorting_by_total_puts_a_student_of_the_second_page_by_id_on_the_first_page()
    {
        var first = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?sort=total&order=desc&limit=2");
        var second = await NextAsync(first, "?sort=total&order=desc&limit=2");

        Assert.Equal(["s1", "s3"], Students(first));
        Assert.Equal(["s2"], Students(second));
        Assert.Equal("total", first.GetProperty("sort").GetString());
        Assert.Equal("desc", first.GetProperty("order").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Sorting_by_a_problem_puts_students_without_a_score_for_it_first_when_ascending()
    {
        var first = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?sort=p2&limit=1");
        var second = await NextAsync(first, "?sort=p2&limit=1");
        var third = await NextAsync(second, "?sort=p2&limit=1");

        Assert.Equal(["s2", "s3", "s1"], Students(first).Concat(Students(second)).Concat(Students(third)));
    }

    [Fact]
    public async Task The_best_policy_sorts_by_the_best_scores_and_a_window_by_the_windows_counted_ones()
    {
        var best = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?policy=best&sort=p1&order=desc&limit=2");
        var window = $"&from={QueryClient.Iso(SeededCourse.T1)}&to={QueryClient.Iso(SeededCourse.T3)}";
        var windowed = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?sort=total&limit=3" + window);

        // Best: s1 2, then s2 and s3 tie at 1, by id in the same (descending) direction. In T1..T3: s1 2 (p2 outside), s2 1, s3 3.
        Assert.Equal(["s1", "s3"], Students(best));
        Assert.Equal(["s2", "s1", "s3"], Students(windowed));
    }

    [Fact]
    public async Task Descending_student_order_walks_the_ids_backwards()
    {
        var first = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?sort=student&order=desc&limit=2");
        var second = await NextAsync(first, "?sort=student&order=desc&limit=2");

        Assert.Equal(["s3", "s2"], Students(first));
        Assert.Equal(["s1"], Students(second));
    }

    [Fact]
    public async Task An_unknown_column_or_a_cursor_of_another_order_is_a_400_naming_it()
    {
        var first = await QueryClient.GetJsonAsync(fixture.Stack, Path + "?sort=total&limit=1");
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);

        var unknown = await QueryClient.GetProblemAsync(fixture.Stack, Path + "?sort=p9", HttpStatusCode.BadRequest);
        var otherOrder = await QueryClient.GetProblemAsync(fixture.Stack, $"{Path}?sort=total&order=desc&cursor={cursor}",
            HttpStatusCode.BadRequest);
        var badOrder = await QueryClient.GetProblemAsync(fixture.Stack, Path + "?order=up", HttpStatusCode.BadRequest);

        Assert.True(unknown.GetProperty("errors").TryGetProperty("sort", out _), unknown.ToString());
        Assert.True(otherOrder.GetProperty("errors").TryGetProperty("cursor", out _), otherOrder.ToString());
        Assert.True(badOrder.GetProperty("errors").TryGetProperty("order", out _), badOrder.ToString());
    }

    private async Task<JsonElement> NextAsync(JsonElement page, string query) =>
        await QueryClient.GetJsonAsync(fixture.Stack,
            $"{Path}{query}&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}");

    private static List<string> Students(JsonElement gradebook) =>
        gradebook.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("studentId").GetString()!).ToList();
}
