using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A page request that fails — a bug (500) or the database down (503) — shows a person the HTML error page in the pages'
/// layout, with no detail of the failure, as a refused one does; the JSON API keeps its ProblemDetails for the same failures.
/// </summary>
public sealed class FailurePageTests(BrowserStackWithOwnServers browser) : IClassFixture<BrowserStackWithOwnServers>
{
    [Fact]
    public async Task A_page_that_fails_is_a_500_page_that_tells_nothing_of_the_failure_and_keeps_the_session()
    {
        var page = await SignedInPageAsync();
        // A table gone missing is no transient failure: the regrades page fails with a 500.
        await browser.Stack.ScalarAsync("alter table regrade_jobs rename to regrade_jobs_gone; select 0");
        try
        {
            var response = await page.GotoAsync("/regrades");

            await AssertFailurePageAsync(page, response!, HttpStatusCode.InternalServerError, "Something went wrong",
                "The server could not answer; try again in a moment.");
            Assert.Contains("/regrades", await page.Locator(".meta").InnerTextAsync(), StringComparison.Ordinal);
            var api = await page.APIRequest.GetAsync("/api/v1/regrades", new()
            {
                Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await browser.Stack.CreateApiKeyAsync(ApiKeyRole.Admin)}" },
            });
            Assert.Equal(500, api.Status);
            Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
        }
        finally
        {
            await browser.Stack.ScalarAsync("alter table regrade_jobs_gone rename to regrade_jobs; select 0");
        }

        // The failure page rendered signed out, but the cookie stayed: the same session opens the page once it works.
        var again = await page.GotoAsync("/regrades");
        Assert.Equal(200, again!.Status);
        Assert.Equal("Regrades", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Fact]
    public async Task A_page_asked_for_while_the_database_is_down_is_a_503_page_with_retry_after()
    {
        var page = await SignedInPageAsync();
        await Database.StopAsync(browser.Stack);
        try
        {
            var response = await page.GotoAsync("/");

            await AssertFailurePageAsync(page, response!, HttpStatusCode.ServiceUnavailable, "Unavailable",
                "The database is unavailable for the moment; try again in a few seconds.");
            Assert.Equal("5", await response!.HeaderValueAsync("retry-after"));
        }
        finally
        {
            await Database.StartAsync(browser.Stack);
        }

        var again = await page.GotoAsync("/");
        Assert.Equal(200, again!.Status);
        Assert.Equal("Dashboard", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(await browser.Stack.CreateApiKeyAsync(ApiKeyRole.Admin));
        return page;
    }

    private static async Task AssertFailurePageAsync(IPage page, IResponse response, HttpStatusCode status, string title, string message)
    {
        Assert.Equal((int)status, response.Status);
        Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);
        Assert.Equal(title, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(message, await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        // The layout, its stylesheet applied; and nothing of the exception in the page.
        Assert.Equal($"{title} · Grader", await page.TitleAsync());
        Assert.Equal("rgb(246, 248, 250)", await page.Locator("header.top").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", text, StringComparison.Ordinal);
    }
}
