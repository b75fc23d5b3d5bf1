using System.Security.Cryptography;

namespace Grader.Data.Lti;

/// <summary>
/// Encrypts the tool's private keys at rest with AES-256-GCM under <c>Lti:KeyEncryptionKey</c> (32 bytes, base64), a
/// secret of the configuration like the webhook secrets, so a copy of the database alone reveals no private key. The kid
/// is the associated data: a ciphertext moved to another key's row does not decrypt. Layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class ToolKeyProtection
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public ToolKeyProtection(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            throw new InvalidOperationException("Lti:KeyEncryptionKey is not set (32 random bytes, base64; e.g. `openssl rand -base64 32`).");
        }

        try
        {
            _key = Convert.FromBase64String(base64Key.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Lti:KeyEncryptionKey is not base64.");
        }

        if (_key.Length != 32)
        {
            throw new InvalidOperationException($"Lti:KeyEncryptionKey must be 32 bytes, not {_key.Length}.");
        }
    }

    public byte[] Protect(string kid, byte[] plaintext)
    {
        var sealedBox = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), System.Text.Encoding.UTF8.GetBytes(kid));
        return sealedBox;
    }

    /// <exception cref="CryptographicException">Another encryption key, or a ciphertext of another kid.</exception>
    public byte[] Unprotect(string kid, byte[] sealedBox)
    {
        var plaintext = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), plaintext,
            System.Text.Encoding.UTF8.GetBytes(kid));
        return plaintext;
    }
}
