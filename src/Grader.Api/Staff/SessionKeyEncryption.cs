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
/// (hence the constructor); another <c>Sessions:KeyEncryptionKey</c> throws, so that key is never used and the sessions
/// and forms it protects are refused.
/// </summary>
public sealed class SessionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var options = services.GetRequiredService<IOptions<SessionKeyOptions>>().Value;
        var sealedKey = Convert.FromBase64String(encryptedElement.Value);
        try
        {
            var plaintext = options.Key().Unprotect(SessionKeyEncryptor.Purpose, sealedKey);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                $"A stored session key does not open with {SessionKeyOptions.SettingKey}: another value than the instance that stored it.", e);
        }
    }
}
