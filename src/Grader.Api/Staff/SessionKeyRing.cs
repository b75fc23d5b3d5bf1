using System.Xml.Linq;
using Grader.Data.Access;
using Grader.ServiceDefaults.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Grader.Api.Staff;

/// <summary>
/// The data-protection key ring that encrypts the session cookie and the antiforgery tokens, kept in PostgreSQL
/// (<see cref="DataProtectionKeyStore"/>) under one application name: every API instance, and one restarted, reads the same
/// keys, so a session or a form opened on one instance is accepted by the others. The default ring (a folder in the
/// process's home, or memory) would be private to each machine and lost with a container. Each key's secret is sealed
/// under <c>Sessions:KeyEncryptionKey</c> (<see cref="SessionKeyEncryptor"/>); without that setting (Development only) the
/// keys are stored as ASP.NET Core writes them, unencrypted.
/// </summary>
public static class SessionKeyRing
{
    /// <summary>The name every instance protects under (by default it is the content root, which differs per install).</summary>
    public const string ApplicationName = "grader-api";

    public static IHostApplicationBuilder AddSessionKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionKeyOptions>().Bind(builder.Configuration.GetSection(SessionKeyOptions.Section))
            .ValidateSettings(SessionKeyOptions.Rules(builder.Environment.IsDevelopment()));
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore, IOptions<SessionKeyOptions>, ILoggerFactory>((options, store, sessions, logs) =>
            {
                var encrypts = sessions.Value.Encrypts;
                options.XmlRepository = new PostgresXmlRepository(store, encrypts, logs.CreateLogger(typeof(SessionKeyRing)));
                if (encrypts)
                {
                    options.XmlEncryptor = new SessionKeyEncryptor(sessions.Value.Key());
                }
            });
        return builder;
    }

    /// <remarks>
    /// With encryption on, a key stored unencrypted (before the setting was given) is not read: it stays in the table, but
    /// whoever copied the table could still make cookies with it, so nothing it protects is accepted. The key manager then
    /// makes a new, sealed key; staff sign in once more.
    /// </remarks>
    private sealed class PostgresXmlRepository(DataProtectionKeyStore store, bool encrypts, ILogger logger) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            var elements = store.All().Select(Parse).ToList();
            if (!encrypts)
            {
                return elements;
            }

            var unencrypted = elements.RemoveAll(IsUnencryptedKey);
            if (unencrypted > 0)
            {
                logger.LogWarning(
                    "{Count} session key(s) in data_protection_keys were stored unencrypted, before {Setting} was set: not used (delete them once no instance runs without the setting)",
                    unencrypted, SessionKeyOptions.SettingKey);
            }

            return elements;
        }

        // The key manager hands the decryptor a detached copy of the sealed secret: the row's name travels on it, so a
        // row that does not open is reported by name.
        private static XElement Parse(StoredKeyRow row)
        {
            var element = XElement.Parse(row.Xml);
            foreach (var sealedKey in element.Descendants(SessionKeyEncryptor.SealedName))
            {
                sealedKey.SetAttributeValue(SessionKeyDecryptor.RowAttribute, row.Name);
            }

            return element;
        }

        public void StoreElement(XElement element, string friendlyName) =>
            store.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));

        // A key element whose secret is not wrapped in the key manager's encryptedSecret element; revocations hold no secret.
        private static bool IsUnencryptedKey(XElement element) =>
            element.Name.LocalName == "key" && !element.Descendants().Any(e => e.Name.LocalName == "encryptedSecret");
    }
}
