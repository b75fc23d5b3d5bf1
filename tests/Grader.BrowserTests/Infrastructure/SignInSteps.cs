using Microsoft.Playwright;

namespace Grader.BrowserTests.Infrastructure;

/// <summary>What a person does on the sign-in page, as browser steps.</summary>
public static class SignInSteps
{
    /// <returns>The answer to the sign-in form's POST: 302 to the dashboard, or 401 with the reason on the page.</returns>
    public static async Task<IResponse> SignInAsync(this IPage page, string key)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("API key").FillAsync(key);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/signin");
        if (response.Status == 302)
        {
            // The signed-in page's own content, not its "load" event: in one CI run Chromium reported network idle after
            // the redirect but never "load", and the wait for it timed out after 60 s.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/signin", new() { WaitUntil = WaitUntilState.Commit });
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        }
        else
        {
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        return response;
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
    }
}
