using System.Net;
using System.Text.RegularExpressions;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Staff;

/// <summary>
/// The staff pages' session cookie and antiforgery tokens are encrypted with a key ring kept in PostgreSQL: another API
/// instance (a process with its own content root and an empty home folder, as another machine or a new container has)
/// accepts them, and so does one started after the first has gone.
/// </summary>
public sealed partial class SessionKeyRingTests : IAsyncLifetime
{
    private ServiceStack _stack = null!;
    private readonly List<string> _homes = [];

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync(realServer: true);

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        foreach (var home in _homes)
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_session_and_a_form_from_one_instance_are_accepted_by_another_and_after_a_restart()
    {
        using var browser = new StaffHttpSession();
        using var signedIn = await browser.SignInAsync(_stack.BaseAddress, await _stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // The sign-out button's token, from a page the first instance rendered.
        using var dashboard = await browser.GetAsync(_stack.BaseAddress, "/");
        var token = Token().Match(await dashboard.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);

        await using (var other = await _stack.StartApiProcessAsync(new Dictionary<string, string> { ["HOME"] = NewHome() }))
        {
            using var page = await browser.GetAsync(other.BaseAddress, "/");

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Sign out", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var restarted = await _stack.StartApiProcessAsync(new Dictionary<string, string> { ["HOME"] = NewHome() });
        using var signOut = await browser.PostAsync(restarted.BaseAddress, "/signout",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var afterSignOut = await browser.GetAsync(restarted.BaseAddress, "/");

        // The first instance's form token was accepted (not a 400), and the sign-out it carried ended the session.
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/signin", afterSignOut.Headers.Location?.PathAndQuery ?? afterSignOut.Headers.Location?.OriginalString,
            StringComparison.Ordinal);
        Assert.Equal(1, await _stack.ScalarAsync("select count(*) from data_protection_keys"));
    }

    private string NewHome()
    {
        var home = Directory.CreateTempSubdirectory("grader-home-").FullName;
        _homes.Add(home);
        return home;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
