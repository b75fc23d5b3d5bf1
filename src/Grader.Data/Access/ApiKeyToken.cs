using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Grader.Data.Access;

/// <summary>
/// Issues and hashes API key tokens: <c>grk_</c> + 32 random bytes (base64url). Only the SHA-256 of a token is stored.
/// A plain fast hash is enough here (unlike passwords): the token carries 256 bits of entropy, so no dictionary or brute
/// force attack on a leaked hash is feasible, and a fast deterministic hash lets every request find its key by index.
/// </summary>
public static class ApiKeyToken
{
    public const string Prefix = "grk_";
    private const int TokenBytes = 32;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Cheap shape check before touching the database; a malformed token is simply unknown.</summary>
    public static bool LooksValid(string? token) =>
        token is not null && token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length is > 20 and < 100;
}
