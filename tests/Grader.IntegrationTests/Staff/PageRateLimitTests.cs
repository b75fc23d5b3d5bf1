using System.Net;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Staff;

/// <summary>
/// The staff pages' rate limits: a signed-in session counts against its key, so two people behind one address each have
/// their own budget; the sign-in form counts per address. Over budget: 429 with Retry-After, as an HTML page.
/// </summary>
public sealed class PageRateLimitTests : IAsyncLifetime
{
    private const int PerSession = 3;
    private const int PerSignIn = 5;
    private ServiceStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync(realServer: true, apiSettings: new Dictionary<string, string>
    {
        ["RateLimits:PerSession:PermitsPerMinute"] = $"{PerSession}",
        ["RateLimits:PerSignIn:PermitsPerMinute"] = $"{PerSignIn}",
    });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Each_signed_in_key_has_its_own_page_budget_and_the_sign_in_form_one_per_address()
    {
        // Two staff members on the same address (127.0.0.1): each sign-in is a GET and a POST of the form.
        using var first = await SignedInAsync();
        using var second = await SignedInAsync();
        for (var i = 0; i < PerSession; i++)
        {
            using var page = await first.GetAsync(_stack.BaseAddress, "/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var refused = await first.GetAsync(_stack.BaseAddress, "/");
        using var other = await second.GetAsync(_stack.BaseAddress, "/");
        using var anonymous = new StaffHttpSession();
        using var signInForm = await anonymous.GetAsync(_stack.BaseAddress, "/signin");
        using var signInRefused = await anonymous.GetAsync(_stack.BaseAddress, "/signin");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, refused.Headers.ToString());
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        // Four of the address's five sign-in requests went to the two sign-ins: one more form, then 429.
        Assert.Equal(HttpStatusCode.OK, signInForm.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, signInRefused.StatusCode);
        Assert.NotNull(signInRefused.Headers.RetryAfter);
    }

    private async Task<StaffHttpSession> SignedInAsync()
    {
        var session = new StaffHttpSession();
        using var response = await session.SignInAsync(_stack.BaseAddress, await _stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}
