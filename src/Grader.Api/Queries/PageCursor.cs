using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Grader.Api.Requests;
using Grader.Data.Queries;

namespace Grader.Api.Queries;

/// <summary>Opaque keyset cursors: base64url of a versioned payload, so clients pass them back unchanged.</summary>
public static class PageCursor
{
    private const string Version = "v1:";

    public static string Seal(string payload) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + payload));

    /// <summary>A newest-first position as <c>ticks|id</c>.</summary>
    public static string Seal(NewestFirstPosition position) =>
        Seal(FormattableString.Invariant($"{position.Time.UtcTicks}|{position.Id:N}"));

    /// <returns>The payload, or null when the text is not a cursor of this version (or hides text no query can hold).</returns>
    public static string? TryOpen(string text)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            return decoded.StartsWith(Version, StringComparison.Ordinal) && StorableText.IsStorable(decoded) ? decoded[Version.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <returns>The position a cursor of <see cref="Seal(NewestFirstPosition)"/> names, or null.</returns>
    public static NewestFirstPosition? TryOpenPosition(string cursor)
    {
        var parts = TryOpen(cursor)?.Split('|') ?? [];
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && Guid.TryParseExact(parts[1], "N", out var id)
            ? new NewestFirstPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
