using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// The assignment page against the integration tests' hand-worked course (SeededCourse: 9 submissions, students' totals
/// 6 of 6, 0 of 2, 3 of 6): every chart's numbers, the problem filter and the date window, in a real browser.
/// </summary>
public sealed class AssignmentPageTests(BrowserStackWithCourses fixture) : IClassFixture<BrowserStackWithCourses>
{
    private const string Path = $"/courses/{SeededCourse.Course}/assignments/{SeededCourse.Assignment}";
    private readonly BrowserStack _browser = fixture.Browser;

    [Fact]
    public async Task The_assignment_page_draws_the_summary_with_its_numbers_one_click_away()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(Path);

        Assert.Equal("9", await page.Locator("#total-submissions").InnerTextAsync());
        Assert.Equal("3", await page.Locator("#total-students").InnerTextAsync());
        // Fractions 1, 0 and 0.5: one student each in the first, the sixth and the last tenth.
        Assert.Equal(3, await page.Locator("#histogram rect[height]:not([height='0'])").CountAsync());
        var histogram = page.Locator("#histogram-numbers");
        Assert.False(await histogram.IsVisibleAsync());
        await page.Locator("details", new() { Has = histogram }).Locator("summary").ClickAsync();
        Assert.True(await histogram.IsVisibleAsync());
        Assert.Equal(["1", "0", "0", "0", "0", "1", "0", "0", "0", "1"], await histogram.Locator("tbody td.num").AllInnerTextsAsync());
        Assert.Equal(["0–10 %\t1", "50–60 %\t1", "90–100 %\t1"],
            (await histogram.Locator("tbody tr").AllInnerTextsAsync()).Where(r => !r.EndsWith("\t0", StringComparison.Ordinal)));

        Assert.Equal(["queued\t1", "grading\t0", "graded\t7", "failed\t1"], await page.RowsAsync("#status-numbers"));
        Assert.Equal(["p1\ta\t1\t0\t2\t0\t0\t0", "p1\tb\t2\t0\t0\t1\t0\t0", "p2\tc\t1\t1\t0\t0\t0\t0"], await page.RowsAsync("#parts-numbers"));
        // One bar segment per non-zero count, each titled with its numbers.
        Assert.Equal(6, await page.Locator("#parts-chart rect").CountAsync());
        Assert.Equal("p1 / a, incorrect: 2 of 3", await page.Locator("#parts-chart rect.status-incorrect").First.Locator("title").TextContentAsync());
        Assert.Equal(["p1\ta\tx+1\t2", "p1\tb\t((\t1", "p2\tc\t[1, 2]\t1"], await page.RowsAsync("#wrong-answers"));
    }

    [Fact]
    public async Task Choosing_a_problem_limits_the_page_to_it()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path);

        // The select applies itself (the page's script); the Apply button does the same without it.
        // Waits for the navigation the select starts to load, not only for its response: reading the table between the
        // two reads a page being replaced ("execution context was destroyed").
        await page.NavigateByAsync(() => page.GetByLabel("Problem").SelectOptionAsync("p2"));
        Assert.Contains("problemId=p2", page.Url, StringComparison.Ordinal);

        Assert.Equal("4", await page.Locator("#total-submissions").InnerTextAsync());
        Assert.Equal("2", await page.Locator("#total-students").InnerTextAsync());
        Assert.Equal(["p2\tc\t1\t1\t0\t0\t0\t0"], await page.RowsAsync("#parts-numbers"));
        Assert.Equal("p2", await page.GetByLabel("Problem").InputValueAsync());
    }

    [Fact]
    public async Task A_date_window_counts_the_submissions_inside_it()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(Path);

        await page.GetByLabel("Submitted from (UTC)").FillAsync("2026-11-01T10:00");
        await page.GetByLabel("Submitted before (UTC)").FillAsync("2026-11-01T12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("from=", StringComparison.Ordinal));

        // T2 and T3 only (AssignmentSummaryTests): 5 submissions, s1 and s3 scored.
        Assert.Equal("5", await page.Locator("#total-submissions").InnerTextAsync());
        Assert.Equal("2", await page.Locator("#total-students").InnerTextAsync());
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_refused_with_the_reason()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync(Path + "?from=2026-11-02T00:00&to=2026-11-01T00:00");

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        Assert.Equal("to must be later than from (the window is from <= time < to).", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal(0, await page.Locator("#total-submissions").CountAsync());
    }

    [Fact]
    public async Task Text_postgresql_cannot_hold_is_refused_before_any_query()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync(Path + "?problemId=p1%00");

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
    }

    [Fact]
    public async Task An_assignment_without_submissions_is_404()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync($"/courses/{SeededCourse.Course}/assignments/no-such-assignment");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));
        return page;
    }
}
