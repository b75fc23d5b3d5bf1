using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Grader.Api.Staff;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Staff;

/// <summary>
/// The session key ring is sealed at rest under <c>Sessions:KeyEncryptionKey</c>: its rows hold no key material, an
/// instance with another value cannot read the sessions, and keys stored unencrypted before the setting are not used.
/// </summary>
public sealed class SessionKeyEncryptionTests : IAsyncLifetime
{
    private ServiceStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync(realServer: true);

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task The_stored_key_ring_holds_no_key_material_and_opens_with_the_setting()
    {
        using var browser = await SignedInAsync(_stack.BaseAddress);

        var rows = await KeyRowsAsync();

        var row = Assert.Single(rows);
        Assert.DoesNotContain(row.Descendants(), e => e.Name.LocalName is "masterKey" or "value");
        var sealedKey = Assert.Single(row.Descendants(), e => e.Name.LocalName == "sealedKey");
        Assert.Equal(SessionKeyOptions.SettingKey, (string?)sealedKey.Attribute("setting"));
        // What is sealed is the key itself: it opens, under the setting, into the key manager's master key.
        var opened = new SessionKeyDecryptor(_stack.ApiServices).Decrypt(sealedKey);
        Assert.Contains(opened.DescendantsAndSelf(), e => e.Name.LocalName == "masterKey");
    }

    [Fact]
    public async Task An_instance_with_the_same_setting_reads_the_session_and_one_with_another_does_not()
    {
        using var browser = await SignedInAsync(_stack.BaseAddress);

        await using (var same = await _stack.StartApiProcessAsync())
        {
            Assert.True(await IsSignedInAsync(browser, same.BaseAddress));
        }

        await using var other = await _stack.StartApiProcessAsync(new Dictionary<string, string>
        {
            ["Sessions__KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        Assert.False(await IsSignedInAsync(browser, other.BaseAddress));
        Assert.True(await IsSignedInAsync(browser, _stack.BaseAddress));
    }

    [Fact]
    public async Task A_key_stored_unencrypted_before_the_setting_is_not_used_by_an_instance_with_it()
    {
        // A Development instance without the setting stores its key as ASP.NET Core writes it, and signs in with it.
        await using var unencrypted = await _stack.StartApiProcessAsync(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Sessions__KeyEncryptionKey"] = "",
        });
        using var browser = await SignedInAsync(unencrypted.BaseAddress);
        Assert.Contains(await KeyRowsAsync(), row => row.Descendants().Any(e => e.Name.LocalName == "masterKey"));

        // The in-process instance seals its keys: the plain one, which anyone with a copy of the table could use, is ignored.
        Assert.False(await IsSignedInAsync(browser, _stack.BaseAddress));
    }

    private async Task<StaffHttpSession> SignedInAsync(Uri server)
    {
        var browser = new StaffHttpSession();
        using var signedIn = await browser.SignInAsync(server, await _stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await IsSignedInAsync(browser, server));
        return browser;
    }

    private static async Task<bool> IsSignedInAsync(StaffHttpSession browser, Uri server)
    {
        using var page = await browser.GetAsync(server, "/");
        if (page.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("Sign out", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return true;
        }

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var location = page.Headers.Location!;
        Assert.StartsWith("/signin", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        return false;
    }

    private async Task<List<XElement>> KeyRowsAsync()
    {
        await using var command = _stack.Db.CreateCommand("select xml from data_protection_keys order by created_at, name");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<XElement>();
        while (await reader.ReadAsync())
        {
            rows.Add(XElement.Parse(reader.GetString(0)));
        }

        return rows;
    }
}
