using System.Security.Cryptography;

namespace Grader.Data.Secrets;

/// <summary>
/// A key-encryption key from the configuration (32 random bytes, base64, e.g. <c>openssl rand -base64 32</c>) that seals
/// secrets stored in the database with AES-256-GCM, so a copy of the database alone reveals none of them. The associated
/// data binds a ciphertext to what it belongs to (a kid, a purpose): moved elsewhere, it does not decrypt. Layout:
/// nonce (12) | tag (16) | ciphertext. Used for the LTI tool's private keys and the API's session key ring.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int Size = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="settingKey">The configuration key it comes from, named in every error (<c>Lti:KeyEncryptionKey</c>).</param>
    /// <param name="base64Key">Its value.</param>
    public KeyEncryptionKey(string settingKey, string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            throw new InvalidOperationException($"{settingKey} is not set (32 random bytes, base64; e.g. `openssl rand -base64 32`).");
        }

        try
        {
            _key = Convert.FromBase64String(base64Key.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{settingKey} is not base64.");
        }

        if (_key.Length != Size)
        {
            throw new InvalidOperationException($"{settingKey} must be 32 bytes, not {_key.Length}.");
        }
    }

    /// <summary>Whether a setting's value is a usable key (for the checks at start).</summary>
    public static bool IsValid(string? base64Key)
    {
        var bytes = new byte[64];
        return base64Key is not null && Convert.TryFromBase64String(base64Key.Trim(), bytes, out var length) && length == Size;
    }

    public byte[] Protect(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext)
    {
        var sealedBox = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), associatedData);
        return sealedBox;
    }

    /// <exception cref="CryptographicException">Another key, other associated data, or a changed ciphertext.</exception>
    public byte[] Unprotect(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> sealedBox)
    {
        if (sealedBox.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed secret is shorter than its nonce and tag.");
        }

        var plaintext = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBox[..NonceSize], sealedBox[(NonceSize + TagSize)..], sealedBox.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
