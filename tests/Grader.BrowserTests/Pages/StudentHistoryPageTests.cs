using System.Net;
using System.Net.Http.Json;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// The student's history marks a submission whose manual parts still wait for a staff grade, as its own page does ("manual,
/// not graded yet"): how many, with the way to grade them; once every one is graded the mark is gone.
/// </summary>
public sealed class StudentHistoryPageTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private const string Course = GradingStack.Course;
    private const string Assignment = "h-waiting";
    private const string Student = "hana";
    private static readonly DateTimeOffset Monday = new(2026, 11, 9, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_submission_with_ungraded_manual_parts_says_how_many_and_leads_to_grading_them_and_a_fully_graded_one_is_not_marked()
    {
        // Fixed times, so the screenshot is the same on every run.
        var graded = await fixture.SubmitAsync(Assignment, Student, at: Monday);
        var waiting = await fixture.SubmitAsync(Assignment, Student, at: Monday.AddHours(2));
        var manual = waiting.Parts!.Where(p => p.Status == "manual").Select(p => p.PartId).ToList();
        Assert.True(manual.Count > 1, $"cs189-dis4 has {manual.Count} manual parts");
        var key = await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, Course);
        using var api = fixture.Stack.CreateClient(key);
        foreach (var part in manual)
        {
            await GradeAsync(api, graded.Id, part);
        }

        var page = await fixture.Browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync(key);
        await page.GotoAsync(History);

        // Every manual part waits: the link leads to the submission's parts, each with its own "Grade it".
        Assert.Equal($"{manual.Count} manual parts to grade", await WaitingTextAsync(page, waiting.Id));
        Assert.Equal(0, await Row(page, graded.Id).Locator("a.waiting").CountAsync());
        Assert.DoesNotContain("to grade", await Row(page, graded.Id).InnerTextAsync(), StringComparison.Ordinal);
        // When they were graded is the run's own.
        await page.SaveAsync("student-manual", page.Locator("#history td:nth-child(6)"));
        await page.NavigateByAsync(() => Row(page, waiting.Id).Locator("a.waiting").ClickAsync());
        Assert.Equal($"/courses/{Course}/submissions/{waiting.Id}", new Uri(page.Url).AbsolutePath);
        Assert.Equal(manual.Count, await page.Locator("#parts a.grade-link", new() { HasText = "Grade it" }).CountAsync());

        // One part left: the link goes straight to its answer in the grading queue, and grading it there ends the mark.
        foreach (var part in manual.Take(manual.Count - 1))
        {
            await GradeAsync(api, waiting.Id, part);
        }

        await page.GotoAsync(History);
        Assert.Equal("1 manual part to grade", await WaitingTextAsync(page, waiting.Id));
        await page.NavigateByAsync(() => Row(page, waiting.Id).Locator("a.waiting").ClickAsync());
        Assert.EndsWith($"/grading/{GradingStack.ProblemId}/{manual[^1]}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains($"submission={waiting.Id}", page.Url, StringComparison.Ordinal);
        Assert.Equal("not graded yet", await page.Locator("#state").InnerTextAsync());
        await page.GetByLabel("Points (0–").FillAsync("0");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save grade (Ctrl+Enter)" }).ClickAsync());

        await page.GotoAsync(History);
        Assert.Equal(2, await page.Locator("#history tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("#history a.waiting").CountAsync());
    }

    private static string History => $"/courses/{Course}/students/{Student}";

    private static ILocator Row(IPage page, Guid submission) =>
        page.Locator("#history tbody tr", new() { Has = page.Locator($"a[href$='/submissions/{submission}']") });

    /// <summary>The mark's visible words (its link also names the submission for a screen reader).</summary>
    private static Task<string> WaitingTextAsync(IPage page, Guid submission) =>
        Row(page, submission).Locator("a.waiting").EvaluateAsync<string>(
            "a => [...a.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim()");

    private static async Task GradeAsync(HttpClient api, Guid submission, string part)
    {
        using var response = await api.PutAsJsonAsync($"/api/v1/courses/{Course}/submissions/{submission}/manual/{part}", new { points = 0 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
