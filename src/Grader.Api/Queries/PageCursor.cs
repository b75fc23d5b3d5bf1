using System.Buffers.Text;
using System.Text;

namespace Grader.Api.Queries;

/// <summary>Opaque keyset cursors: base64url of a versioned payload, so clients pass them back unchanged.</summary>
public static class PageCursor
{
    private const string Version = "v1:";

    public static string Seal(string payload) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + payload));

    /// <returns>The payload, or null when the text is not a cursor of this version.</returns>
    public static string? TryOpen(string text)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            return decoded.StartsWith(Version, StringComparison.Ordinal) ? decoded[Version.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
