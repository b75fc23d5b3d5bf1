using System.Globalization;

namespace Grader.Api.Requests;

/// <summary>
/// The one timestamp parser of the API, for query strings and bodies alike: ISO 8601 / RFC 3339 (<c>T</c> or a space
/// between date and time), a date alone meaning midnight; no offset means UTC. Always returned in UTC.
/// </summary>
public static class Iso8601
{
    public const string Example = "2026-11-01T12:00:00Z or 2026-11-01";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <returns>The time, or null for no text or text that is not a timestamp (validation reports the latter).</returns>
    public static DateTimeOffset? ParseOrNull(string? text) => TryParse(text, out var time) ? time : null;
}
