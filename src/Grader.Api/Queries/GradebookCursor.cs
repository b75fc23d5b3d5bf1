using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Grader.Api.Requests;
using Grader.Data.Queries;

namespace Grader.Api.Queries;

/// <summary>
/// The cursor of a gradebook sorted by anything but ascending student id: the order it was handed out for and where its
/// page ended (the last student's sort value and id). Opaque like <see cref="PageCursor"/>, with a version of its own, so
/// neither kind opens as the other; a cursor passed with another sort or direction is refused.
/// </summary>
public static class GradebookCursor
{
    private const string Version = "g1:";

    public static string Seal(GradebookOrder order, GradebookPosition position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        Version + JsonSerializer.Serialize(new Payload(order.Column, order.Descending, position.Value, position.Student))));

    /// <returns>The order and position, or null when the text is not such a cursor.</returns>
    public static (GradebookOrder Order, GradebookPosition Position)? TryOpen(string text)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            if (!decoded.StartsWith(Version, StringComparison.Ordinal) || !StorableText.IsStorable(decoded))
            {
                return null;
            }

            var payload = JsonSerializer.Deserialize<Payload>(decoded[Version.Length..]);
            return payload is { C: not null, S: not null } && (payload.V is null || IsNumeric(payload.V))
                ? (new GradebookOrder(payload.C, payload.D), new GradebookPosition(payload.V, payload.S))
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    // The value goes to SQL as ::numeric: only what PostgreSQL's numeric reads (as it printed it) is accepted.
    private static bool IsNumeric(string value) =>
        value is "-Infinity" || decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out _);

    private sealed record Payload(string? C, bool D, string? V, string? S);
}
