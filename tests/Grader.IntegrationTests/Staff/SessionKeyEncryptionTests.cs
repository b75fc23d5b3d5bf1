using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Grader.Api.Staff;
using Grader.Data.Access;
using Grader.Data.Secrets;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task A_key_row_that_does_not_open_is_reported_by_its_name_and_what_is_wrong_with_it()
    {
        using var browser = await SignedInAsync(_stack.BaseAddress);
        var stored = Assert.Single(await KeyRowsAsync());
        var foreign = new KeyEncryptionKey("other", Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size)));
        // Copies of the stored row under new ids: one whose sealed secret is not base64, one sealed under another value.
        await AddKeyRowAsync(stored, "key-damaged", "not base64!");
        await AddKeyRowAsync(stored, "key-foreign", Convert.ToBase64String(foreign.Protect(SessionKeyEncryptor.Purpose, "<masterKey />"u8)));

        var damaged = DecryptRow("key-damaged");
        var other = DecryptRow("key-foreign");

        Assert.StartsWith("Session key row key-damaged of data_protection_keys is not a sealed key: its sealedKey is not base64", damaged.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Session key row key-foreign of data_protection_keys does not open with {SessionKeyOptions.SettingKey}", other.Message, StringComparison.Ordinal);
    }

    private CryptographicException DecryptRow(string name)
    {
        // As the key manager reads the ring: through the repository, then each sealed secret through the decryptor.
        var repository = _stack.ApiServices.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!;
        var sealedKey = repository.GetAllElements().SelectMany(e => e.Descendants(SessionKeyEncryptor.SealedName))
            .Single(e => (string?)e.Attribute("row") == name);
        return Assert.Throws<CryptographicException>(() => new SessionKeyDecryptor(_stack.ApiServices).Decrypt(new XElement(sealedKey)));
    }

    private async Task AddKeyRowAsync(XElement stored, string name, string sealedContent)
    {
        var copy = new XElement(stored);
        copy.SetAttributeValue("id", Guid.NewGuid());
        copy.Descendants().Single(e => e.Name.LocalName == "sealedKey").Value = sealedContent;
        await using var command = _stack.Db.CreateCommand("insert into data_protection_keys (name, xml) values ($1, $2)");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = copy.ToString(SaveOptions.DisableFormatting) });
        await command.ExecuteNonQueryAsync();
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
