using System.Text;
using Grader.Data.Secrets;

namespace Grader.Data.Lti;

/// <summary>
/// Encrypts the tool's private keys at rest under <c>Lti:KeyEncryptionKey</c> (<see cref="KeyEncryptionKey"/>: AES-256-GCM,
/// 32 bytes base64), a secret of the configuration like the webhook secrets, so a copy of the database alone reveals no
/// private key. The kid is the associated data: a ciphertext moved to another key's row does not decrypt.
/// </summary>
public sealed class ToolKeyProtection(string? base64Key)
{
    public const string SettingKey = "Lti:KeyEncryptionKey";

    private readonly KeyEncryptionKey _key = new(SettingKey, base64Key);

    public byte[] Protect(string kid, byte[] plaintext) => _key.Protect(Encoding.UTF8.GetBytes(kid), plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">Another encryption key, or a ciphertext of another kid.</exception>
    public byte[] Unprotect(string kid, byte[] sealedBox) => _key.Unprotect(Encoding.UTF8.GetBytes(kid), sealedBox);
}
