using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// Gradebook, student and submission pages against the hand-worked course (SeededCourse). Counted (latest): s1 p1 2 +
/// p2 4 = 6, s2 p1 0, s3 p1 1 + p2 2 = 3; best: s2's earlier p1 (1) counts instead.
/// </summary>
public sealed class GradebookPageTests(BrowserStackWithCourses fixture) : IClassFixture<BrowserStackWithCourses>
{
    private const string CourseUrl = $"/courses/{SeededCourse.Course}";
    private const string Path = $"{CourseUrl}/assignments/{SeededCourse.Assignment}/gradebook";
    private readonly BrowserStack _browser = fixture.Browser;

    [Fact]
    public async Task The_gradebook_shows_each_students_counted_scores_and_each_cell_opens_its_submission()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path);

        Assert.Equal(["s1\t2\t4\t6", "s2\t0\t\t0", "s3\t1\t2\t3"], await page.RowsAsync("#gradebook"));

        await page.GetByRole(AriaRole.Link, new() { Name = "s1, p2: 4" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/submissions/", StringComparison.Ordinal));
        Assert.Equal("graded", await page.Locator("#status").InnerTextAsync());
        Assert.Equal("4 / 4", await page.Locator("#score").InnerTextAsync());
        Assert.Equal(["c\t[1, 1]\tcorrect\t4 / 4\t"], await page.RowsAsync("#parts"));
        Assert.Single(await page.RowsAsync("#revisions"));
    }

    [Fact]
    public async Task Column_headers_sort_the_rows_and_say_how()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path);
        var total = page.GetByRole(AriaRole.Link, new() { Name = "Total", Exact = true });

        await total.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=total", StringComparison.Ordinal));
        Assert.Equal(["s2", "s3", "s1"], (await page.RowsAsync("#gradebook")).Select(r => r.Split('\t')[0]));
        await page.GetByRole(AriaRole.Link, new() { Name = "Total", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("desc=true", StringComparison.Ordinal));

        Assert.Equal(["s1", "s3", "s2"], (await page.RowsAsync("#gradebook")).Select(r => r.Split('\t')[0]));
        Assert.Equal("descending", await page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
    }

    [Fact]
    public async Task Sorting_orders_the_whole_gradebook_so_a_student_of_page_two_can_lead_page_one()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path + "?limit=2");
        Assert.Equal(["s1", "s2"], (await page.RowsAsync("#gradebook")).Select(r => r.Split('\t')[0]));

        await page.GetByRole(AriaRole.Link, new() { Name = "Total", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=total", StringComparison.Ordinal));
        // Totals 6, 0, 3: the two lowest of all three students, not page one's two re-sorted.
        Assert.Equal(["s2\t0\t\t0", "s3\t1\t2\t3"], await page.RowsAsync("#gradebook"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("cursor=", StringComparison.Ordinal));
        Assert.Equal(["s1\t2\t4\t6"], await page.RowsAsync("#gradebook"));

        await page.GetByRole(AriaRole.Link, new() { Name = "p2", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=p2", StringComparison.Ordinal) && !url.Contains("cursor=", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "p2", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("desc=true", StringComparison.Ordinal));
        Assert.Equal(["s1", "s3"], (await page.RowsAsync("#gradebook")).Select(r => r.Split('\t')[0]));
    }

    [Fact]
    public async Task The_best_policy_counts_each_students_best_graded_submission()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path);

        // Waits for the navigation the select starts to load, not only for its response: reading the table between the
        // two reads a page being replaced ("execution context was destroyed").
        await page.NavigateByAsync(() => page.GetByLabel("Counted submission").SelectOptionAsync("best"));
        Assert.Contains("policy=best", page.Url, StringComparison.Ordinal);

        Assert.Equal(["s1\t2\t4\t6", "s2\t1\t\t1", "s3\t1\t2\t3"], await page.RowsAsync("#gradebook"));
    }

    [Fact]
    public async Task Pages_follow_student_ids_with_the_apis_cursor()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path + "?limit=2");
        Assert.Equal(["s1", "s2"], (await page.RowsAsync("#gradebook")).Select(r => r.Split('\t')[0]));

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("cursor=", StringComparison.Ordinal));

        Assert.Equal(["s3\t1\t2\t3"], await page.RowsAsync("#gradebook"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).CountAsync());
        var refused = await page.GotoAsync(Path + "?limit=0");
        Assert.Equal((int)HttpStatusCode.BadRequest, refused!.Status);
        Assert.Equal("limit must be a whole number from 1 to 1000.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
    }

    [Fact]
    public async Task The_csv_download_holds_every_student_as_the_api_writes_it()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path + "?limit=2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var path = await download.PathAsync();

        Assert.Equal($"{SeededCourse.Course}-{SeededCourse.Assignment}-gradebook-latest.csv", download.SuggestedFilename);
        Assert.Equal("student_id,p1,p2,total\r\ns1,2,4,6\r\ns2,0,,0\r\ns3,1,2,3\r\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task The_student_page_lists_the_history_newest_first_with_scores()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync($"{CourseUrl}/students/s2");

        Assert.Equal(
            ["2026-11-01 12:00\thw4\tp1\tgraded\t0 / 2\t2026-11-01 12:00", "2026-11-01 09:00\thw4\tp1\tgraded\t1 / 2\t2026-11-01 09:00"],
            await page.RowsAsync("#history"));
        await page.GetByRole(AriaRole.Link, new() { Name = "2026-11-01 12:00" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/submissions/", StringComparison.Ordinal));
        // Every part's answer, status and score; the invalid "((" as sent.
        Assert.Equal(["a\tx+1\tincorrect\t0 / 1\t", "b\t((\tinvalid\t0 / 1\t"], await page.RowsAsync("#parts"));
    }

    [Fact]
    public async Task Another_courses_submission_and_an_unknown_student_are_404()
    {
        var page = await SignedInPageAsync();
        var (_, other) = (await SeededIdsAsync());

        var atOwnAddress = await page.GotoAsync($"{CourseUrl}/submissions/{other}");
        var atItsAddress = await page.GotoAsync($"/courses/{SeededCourse.OtherCourse}/submissions/{other}");
        var student = await page.GotoAsync($"{CourseUrl}/students/nobody");

        Assert.Equal((int)HttpStatusCode.NotFound, atOwnAddress!.Status);
        Assert.Equal((int)HttpStatusCode.NotFound, atItsAddress!.Status);
        Assert.Equal((int)HttpStatusCode.NotFound, student!.Status);
    }

    private async Task<(Guid Own, Guid Other)> SeededIdsAsync()
    {
        await using var command = _browser.Stack.Db.CreateCommand(
            $"select id from submissions where course = '{SeededCourse.OtherCourse}' limit 1");
        var other = (Guid)(await command.ExecuteScalarAsync())!;
        return (Guid.Empty, other);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));
        return page;
    }
}
