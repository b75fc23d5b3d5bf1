using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Grader.Data.Secrets;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Grader.Api.Staff;

/// <summary>
/// Seals each data-protection key's secret with AES-256-GCM under <c>Sessions:KeyEncryptionKey</c> before the key ring
/// stores it (<see cref="SessionKeyRing"/>), so the <c>data_protection_keys</c> rows hold no key material a copy of the
/// database could make session cookies or form tokens with. The element it writes names the setting, never the key.
/// </summary>
public sealed class SessionKeyEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal static readonly XName SealedName = XName.Get("sealedKey", "urn:grader:session-key-ring");

    // Binds the ciphertext to this use: a sealed LTI private key under the same value would not decrypt here, nor this there.
    internal static readonly byte[] Purpose = Encoding.UTF8.GetBytes("grader-api data-protection key");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedKey = new XElement(SealedName,
            new XAttribute("algorithm", "AES-256-GCM"),
            new XAttribute("setting", SessionKeyOptions.SettingKey),
            Convert.ToBase64String(key.Protect(Purpose, plaintext)));
        return new EncryptedXmlInfo(sealedKey, typeof(SessionKeyDecryptor));
    }
}

/// <summary>
/// Opens what <see cref="SessionKeyEncryptor"/> sealed. The key manager creates it by its type name with the services
/// (hence the constructor). A row that does not open (sealed under another <c>Sessions:KeyEncryptionKey</c>, or not a
/// sealed key at all: changed or damaged in the table) throws a <see cref="CryptographicException"/> naming the row and
/// the fault, so that key is never used and the sessions and forms it protects are refused.
/// </summary>
public sealed class SessionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <summary>The row's name, set on the element as the key ring reads it (it is not stored).</summary>
    internal static readonly XName RowAttribute = "row";

    public XElement Decrypt(XElement encryptedElement)
    {
        var options = services.GetRequiredService<IOptions<SessionKeyOptions>>().Value;
        var row = $"Session key row {(string?)encryptedElement.Attribute(RowAttribute) ?? "(name unknown)"} of data_protection_keys";
        var sealedKey = new byte[encryptedElement.Value.Length];
        if (!Convert.TryFromBase64String(encryptedElement.Value, sealedKey, out var length))
        {
            throw new CryptographicException($"{row} is not a sealed key: its {SealedName.LocalName} is not base64 (changed in the table?).");
        }

        try
        {
            var plaintext = options.Key().Unprotect(SessionKeyEncryptor.Purpose, sealedKey.AsSpan(0, length));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                $"{row} does not open with {SessionKeyOptions.SettingKey}: sealed under another value than this instance's (or changed in the table).", e);
        }
    }

    private static XName SealedName => SessionKeyEncryptor.SealedName;
}
