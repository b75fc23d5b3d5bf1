using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A refused page request shows a person an HTML page in the pages' layout (what went wrong, a link back), while the JSON
/// API under <c>/api</c> keeps answering ProblemDetails.
/// </summary>
public sealed class ErrorPageTests(BrowserStackWithCourses fixture) : IClassFixture<BrowserStackWithCourses>
{
    private readonly BrowserStack _browser = fixture.Browser;

    [Fact]
    public async Task Another_courses_page_is_a_404_page_with_a_way_back_to_the_dashboard()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync($"/courses/{SeededCourse.OtherCourse}");

        await AssertErrorPageAsync(page, response!, HttpStatusCode.NotFound, "Page not found",
            "There is no such page, or it belongs to a course this key cannot see.");
        Assert.Contains($"/courses/{SeededCourse.OtherCourse}", await page.Locator(".meta").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal("Dashboard", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        await AssertErrorPageAsync(page, response!, HttpStatusCode.NotFound, "Page not found",
            "There is no such page, or it belongs to a course this key cannot see.");
    }

    [Fact]
    public async Task Text_postgresql_cannot_hold_is_a_400_page_naming_the_rule()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync($"/courses/{SeededCourse.Course}/assignments/{SeededCourse.Assignment}?problemId=p1%00");

        await AssertErrorPageAsync(page, response!, HttpStatusCode.BadRequest, "Bad request", null);
        Assert.StartsWith("Every field ", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_whose_antiforgery_token_was_removed_is_a_400_page_and_the_session_stays()
    {
        var page = await SignedInPageAsync();
        // As a forged form would be: the same button, without the hidden token.
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.remove())");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/signout");
        await page.WaitForLoadStateAsync();

        await AssertErrorPageAsync(page, response, HttpStatusCode.BadRequest, "Bad request", null);
        Assert.Contains("antiforgery token", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_json_api_keeps_its_problem_details()
    {
        var page = await SignedInPageAsync();
        var key = await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course);

        var api = await page.APIRequest.GetAsync($"/api/v1/courses/{SeededCourse.OtherCourse}/assignments/{SeededCourse.Assignment}/summary",
            new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {key}", ["Accept"] = "text/html,*/*;q=0.8" } });

        Assert.Equal((int)HttpStatusCode.NotFound, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));
        return page;
    }

    private static async Task AssertErrorPageAsync(IPage page, IResponse response, HttpStatusCode status, string title, string? message)
    {
        Assert.Equal((int)status, response.Status);
        Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);
        Assert.Equal(title, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        if (message is not null)
        {
            Assert.Equal(message, await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        }

        // The pages' layout: its stylesheet applied (the header bar's background), a title like every page's.
        Assert.Equal($"{title} · Grader", await page.TitleAsync());
        Assert.Equal("rgb(246, 248, 250)", await page.Locator("header.top").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
    }
}
