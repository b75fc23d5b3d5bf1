using Microsoft.Playwright;

namespace Grader.BrowserTests.Infrastructure;

/// <summary>
/// Full-page PNGs of the pages: into the test output's <c>screenshots/</c>, or into <c>GRADER_SCREENSHOTS</c> when set
/// (<c>GRADER_SCREENSHOTS=$PWD/docs/images</c> refreshes the README's pictures). Kept the same from run to run: no caret,
/// no animation, and what holds the time of the run (a regrade's start) painted over.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(this IPage page, string name, params ILocator[] mask)
    {
        // Nothing wider than the viewport: no sideways scrolling of the page itself (wide tables scroll in their box).
        Assert.True(await page.FitsItsWidthAsync(), $"{name} scrolls sideways");
        var file = Path.Combine(Directory(), $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
            Mask = mask,
            MaskColor = "#d0d7de",
        });
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(file)).Take(4));
    }

    /// <summary>Whether neither the document nor the main content is wider than the viewport.</summary>
    public static Task<bool> FitsItsWidthAsync(this IPage page) => page.EvaluateAsync<bool>(
        "() => document.documentElement.scrollWidth <= window.innerWidth && document.querySelector('main').scrollWidth <= window.innerWidth");

    private static string Directory()
    {
        var directory = Environment.GetEnvironmentVariable("GRADER_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
