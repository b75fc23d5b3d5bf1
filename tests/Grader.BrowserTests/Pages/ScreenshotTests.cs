using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// The course pages render whole at a laptop's and a phone's width, as full-page PNGs (<see cref="Screenshots"/>); the
/// grading queue and regrade pages are taken by <see cref="WorkflowScreenshotTests"/>.
/// </summary>
public sealed class ScreenshotTests(BrowserStackWithCourses fixture) : IClassFixture<BrowserStackWithCourses>
{
    private const string CourseUrl = $"/courses/{SeededCourse.Course}";
    private readonly BrowserStack _browser = fixture.Browser;

    [Theory]
    [InlineData("signin", "/signin", 1280)]
    [InlineData("dashboard", "/", 1280)]
    [InlineData("assignment", $"{CourseUrl}/assignments/{SeededCourse.Assignment}", 1280)]
    [InlineData("assignment-phone", $"{CourseUrl}/assignments/{SeededCourse.Assignment}", 390)]
    [InlineData("gradebook", $"{CourseUrl}/assignments/{SeededCourse.Assignment}/gradebook", 1280)]
    [InlineData("student", $"{CourseUrl}/students/s2", 1280)]
    [InlineData("course", CourseUrl, 1280)]
    public async Task Each_page_renders_whole_with_its_stylesheet_at_a_laptop_and_a_phone_width(string name, string path, int width)
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));
        var stylesheet = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == "/grader.css");

        var response = await page.GotoAsync(path);
        // Open the first chart's numbers, as a reader would.
        if (await page.Locator("details summary").CountAsync() > 0)
        {
            await page.Locator("details summary").First.ClickAsync();
        }

        Assert.Equal(200, response!.Status);
        Assert.Equal(200, (await stylesheet).Status);
        await page.SaveAsync(name);
    }

    [Fact]
    public async Task The_submission_page_renders_whole()
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));
        await page.GotoAsync($"{CourseUrl}/students/s3");

        // s3's graded p2 answer (partial), the second newest.
        await page.NavigateByAsync(() => page.Locator("#history tbody tr").Nth(1).GetByRole(AriaRole.Link).ClickAsync());

        Assert.Contains("/submissions/", page.Url, StringComparison.Ordinal);
        await page.SaveAsync("submission");
    }

    [Theory]
    [InlineData("/")]
    [InlineData(CourseUrl)]
    [InlineData($"{CourseUrl}/assignments/{SeededCourse.Assignment}")]
    [InlineData($"{CourseUrl}/assignments/{SeededCourse.Assignment}/gradebook")]
    [InlineData($"{CourseUrl}/students/s3")]
    [InlineData("/grading")]
    [InlineData("/regrades")]
    [InlineData("/regrades/new")]
    [InlineData("/courses/no-such-course")]
    public async Task Each_page_fits_a_phone_without_sideways_scrolling(string path)
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));

        await page.GotoAsync(path);
        if (await page.Locator("details summary").CountAsync() > 0)
        {
            await page.Locator("details summary").First.ClickAsync();
        }

        Assert.True(await page.FitsItsWidthAsync(), $"{path} scrolls sideways at 390 px");
        // Every link and button still reachable on screen: none starts right of the viewport.
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('main a, main button')].filter(e => e.getBoundingClientRect().left >= window.innerWidth && !e.closest('.table-wrap')).length"));
    }
}
