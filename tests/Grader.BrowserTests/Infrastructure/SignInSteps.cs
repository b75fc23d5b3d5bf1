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
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/signin");
        }

        await page.WaitForLoadStateAsync();
        return response;
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
    }
}
