using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// Grades belong to one submission: when a student submits again after staff graded a manual part, the new submission's
/// page shows that part as not graded yet, with the way to grade it, while the earlier one keeps its grade.
/// </summary>
public sealed class ResubmissionPageTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private const string Course = GradingStack.Course;
    private const string Assignment = "resubmit";
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_submission_shows_its_manual_part_as_not_graded_yet_and_leads_to_grading_it()
    {
        var first = await fixture.SubmitAsync(Assignment, "rae", at: Tuesday);
        var page = await fixture.Browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, Course));

        // From the submission's page to the queue at that answer, and graded there.
        await page.GotoAsync($"/courses/{Course}/submissions/{first.Id}");
        Assert.StartsWith("manual, not graded yet", await page.Locator("#part-1a td").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.NavigateByAsync(() => page.Locator("#part-1a").GetByRole(AriaRole.Link, new() { Name = "Grade it (part 1a)" }).ClickAsync());
        Assert.Contains($"submission={first.Id}", page.Url, StringComparison.Ordinal);
        Assert.Equal("not graded yet", await page.Locator("#state").InnerTextAsync());
        await page.GetByLabel("Points (0–1").FillAsync("1");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save grade (Ctrl+Enter)" }).ClickAsync());

        var second = await fixture.SubmitAsync(Assignment, "rae", "f = (x + y) z, so q = x + y", at: Tuesday.AddHours(1));

        // The earlier submission keeps its grade; the new one waits for its own.
        await page.GotoAsync($"/courses/{Course}/submissions/{first.Id}");
        Assert.Equal("correct Change the grade (part 1a)", await StatusCellAsync(page));
        Assert.Equal("1 / 1", await page.Locator("#part-1a td.num").InnerTextAsync());
        // The staff grade is the current revision, naming its grader (the key's name) and its time.
        var revision = (await page.RowsAsync("#revisions"))[0].Split('\t');
        Assert.Equal("2 (current)", revision[0]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", revision[1]);
        Assert.Contains("test Instructor", revision[2], StringComparison.Ordinal);
        await page.GotoAsync($"/courses/{Course}/submissions/{second.Id}");
        Assert.Equal("manual, not graded yet Grade it (part 1a)", await StatusCellAsync(page));
        Assert.Equal("– / 1", await page.Locator("#part-1a td.num").InnerTextAsync());
        Assert.StartsWith("Waiting for a staff grade", await page.Locator("#part-1a td").Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        // A part the grader scores has no grading link.
        Assert.Equal(0, await page.Locator("#part-3b a").CountAsync());
        // When and by which worker process it was graded are the run's own.
        await page.SaveAsync("submission-manual", page.Locator(".cards li:nth-child(4) strong"), page.Locator("#revisions td:nth-child(2)"), page.Locator("#revisions td:nth-child(3)"));

        await page.NavigateByAsync(() => page.Locator("#part-1a").GetByRole(AriaRole.Link).ClickAsync());
        Assert.Equal(("rae", "not graded yet"), (await page.Locator("#student").InnerTextAsync(), await page.Locator("#state").InnerTextAsync()));
        Assert.Equal("f = (x + y) z, so q = x + y", await page.Locator("#answer-text").InnerTextAsync());
        Assert.Equal("1 of 2 graded", await page.Locator("#progress-text").InnerTextAsync());
    }

    /// <summary>The status cell of part 1a as a screen reader says it: the status, then its grading link's text.</summary>
    private static Task<string> StatusCellAsync(IPage page) =>
        page.Locator("#part-1a td").Nth(1).EvaluateAsync<string>("td => td.textContent.replace(/\\s+/g, ' ').trim()");
}
