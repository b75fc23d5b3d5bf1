using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Queries;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>Signing in to the staff pages with an API key, in a real Chromium against the real API and PostgreSQL.</summary>
public sealed class SessionTests(BrowserStackWithCourses fixture) : IClassFixture<BrowserStackWithCourses>
{
    private readonly BrowserStack _browser = fixture.Browser;

    [Fact]
    public async Task An_instructor_key_signs_in_to_a_dashboard_of_its_own_courses_only()
    {
        var key = await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course);
        var page = await _browser.NewPageAsync();

        await page.SignInAsync(key);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Dashboard", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var assignment = page.GetByRole(AriaRole.Link, new() { Name = SeededCourse.Assignment, Exact = true });
        Assert.Equal($"/courses/{SeededCourse.Course}/assignments/{SeededCourse.Assignment}", await assignment.GetAttributeAsync("href"));
        // 9 submissions of 2 problems (SeededCourse); the other course's assignment is not listed.
        var row = page.Locator("tr", new() { Has = assignment });
        Assert.Equal(["hw4", "2", "9"], await row.Locator("td").AllInnerTextsAsync());
        Assert.Equal(0, await page.GetByText(SeededCourse.OtherCourse).CountAsync());
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict_and_does_not_open_the_json_api()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Admin));

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "grader.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        // Plain HTTP here; over HTTPS the cookie is also Secure (CookieSecurePolicy.SameAsRequest).
        Assert.False(cookie.Secure);
        var api = await page.APIRequest.GetAsync($"/api/v1/courses/{SeededCourse.Course}/assignments/{SeededCourse.Assignment}/summary");
        Assert.Equal((int)HttpStatusCode.Unauthorized, api.Status);
    }

    [Theory]
    [InlineData("lms", "An lms key cannot sign in to the staff pages: use an instructor or admin key.")]
    [InlineData("unknown", "This API key is unknown or has been revoked.")]
    [InlineData("revoked", "This API key is unknown or has been revoked.")]
    public async Task A_key_that_may_not_sign_in_is_refused_with_the_reason(string kind, string reason)
    {
        var key = kind switch
        {
            "lms" => await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Lms, SeededCourse.Course),
            "revoked" => await RevokedKeyAsync(),
            _ => "grk_" + new string('x', 43),
        };
        var page = await _browser.NewPageAsync();

        var response = await page.SignInAsync(key);

        Assert.Equal((int)HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(reason, await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "grader.session");
        await page.GotoAsync("/");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_session_at_the_next_request()
    {
        var issued = await _browser.Stack.IssueApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course);
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(issued.Token);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);

        await _browser.Stack.Keys.RevokeAsync(issued.Key.Id, CancellationToken.None);
        await page.GotoAsync($"/courses/{SeededCourse.Course}");

        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "grader.session");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));

        await page.SignOutAsync();

        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await page.GotoAsync("/");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.Equal("/", System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["ReturnUrl"]);
    }

    [Fact]
    public async Task Another_courses_pages_answer_404_as_if_the_course_did_not_exist()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));

        var own = await page.GotoAsync($"/courses/{SeededCourse.Course}");
        var other = await page.GotoAsync($"/courses/{SeededCourse.OtherCourse}");
        var unknown = await page.GotoAsync("/courses/no-such-course");

        Assert.Equal((int)HttpStatusCode.OK, own!.Status);
        Assert.Equal((int)HttpStatusCode.NotFound, other!.Status);
        Assert.Equal((int)HttpStatusCode.NotFound, unknown!.Status);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var page = await _browser.NewPageAsync();
        await page.SignInAsync(await _browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course));

        // The session cookie goes along (same context), the form's hidden token does not.
        var signOut = await page.APIRequest.PostAsync("/signout", new() { Form = page.APIRequest.CreateFormData(), MaxRedirects = 0 });
        var signIn = await page.APIRequest.PostAsync("/signin",
            new() { Form = page.APIRequest.CreateFormData().Set("Key", "grk_" + new string('x', 43)), MaxRedirects = 0 });

        Assert.Equal((int)HttpStatusCode.BadRequest, signOut.Status);
        Assert.Equal((int)HttpStatusCode.BadRequest, signIn.Status);
        // The refused sign-out changed nothing: the session still opens the dashboard.
        await page.GotoAsync("/");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    private async Task<string> RevokedKeyAsync()
    {
        var issued = await _browser.Stack.IssueApiKeyAsync(ApiKeyRole.Instructor, SeededCourse.Course);
        await _browser.Stack.Keys.RevokeAsync(issued.Key.Id, CancellationToken.None);
        return issued.Token;
    }
}
