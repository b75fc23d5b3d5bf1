using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// Every page renders whole at a laptop's and a phone's width, as full-page PNGs: into the test output's
/// <c>screenshots/</c>, or into <c>GRADER_SCREENSHOTS</c> when set (<c>GRADER_SCREENSHOTS=$PWD/docs/images</c> refreshes the
/// README's pictures).
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
        // Nothing wider than the viewport: no sideways scrolling of the page itself (wide tables scroll in their box).
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways");
        var file = Path.Combine(Directory(), $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(file)).Take(4));
    }

    private static string Directory()
    {
        var directory = Environment.GetEnvironmentVariable("GRADER_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
