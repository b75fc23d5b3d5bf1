using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Grader.Contracts.Webhooks;

/// <summary>
/// The <c>Grader-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;</c>,
/// the scheme of Stripe's webhooks. Signing the timestamp with the body stops replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Grader-Signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> rawBody)
    {
        var mac = ComputeMac(secret, unixSeconds, rawBody);
        return string.Create(CultureInfo.InvariantCulture, $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}");
    }

    /// <summary>Checks a header against the body; several <c>v1</c> entries are allowed (secret rotation).</summary>
    public static SignatureCheck Verify(string secret, string? header, ReadOnlySpan<byte> rawBody, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.Missing;
        }

        long? timestamp = null;
        var candidates = new List<byte[]>();
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return SignatureCheck.Malformed;
            }

            var (key, value) = (item[..eq], item[(eq + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && value.Length == 64 && TryFromHex(value, out var mac))
            {
                candidates.Add(mac);
            }
        }

        if (timestamp is null || candidates.Count == 0)
        {
            return SignatureCheck.Malformed;
        }

        var expected = ComputeMac(secret, timestamp.Value, rawBody);
        var matches = false;
        foreach (var candidate in candidates)
        {
            // Constant time: the comparison must not reveal how many leading bytes were right.
            matches |= CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        if (!matches)
        {
            return SignatureCheck.Mismatch;
        }

        // A t past year 9999 has no DateTimeOffset (FromUnixTimeSeconds would throw): it is as stale as can be.
        if (timestamp.Value > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Stale;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        return age.Duration() > tolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    private static byte[] ComputeMac(string secret, long unixSeconds, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{unixSeconds}."));
        var message = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
