using System.Xml.Linq;
using Grader.Data.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Grader.Api.Staff;

/// <summary>
/// The data-protection key ring that encrypts the session cookie and the antiforgery tokens, kept in PostgreSQL
/// (<see cref="DataProtectionKeyStore"/>) under one application name: every API instance, and one restarted, reads the same
/// keys, so a session or a form opened on one instance is accepted by the others. The default ring (a folder in the
/// process's home, or memory) would be private to each machine and lost with a container.
/// </summary>
public static class SessionKeyRing
{
    /// <summary>The name every instance protects under (by default it is the content root, which differs per install).</summary>
    public const string ApplicationName = "grader-api";

    public static IHostApplicationBuilder AddSessionKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((options, store) =>
            options.XmlRepository = new PostgresXmlRepository(store));
        return builder;
    }

    private sealed class PostgresXmlRepository(DataProtectionKeyStore store) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => store.All().Select(XElement.Parse).ToList();

        public void StoreElement(XElement element, string friendlyName) =>
            store.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
