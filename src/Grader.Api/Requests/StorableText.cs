using System.Text.Json;

namespace Grader.Api.Requests;

/// <summary>
/// Text PostgreSQL can hold: no NUL character (<c>text</c> and <c>jsonb</c> refuse U+0000) and no lone UTF-16 surrogate
/// (it has no UTF-8 form). Every string a request binds is checked (<see cref="RequestValidation"/>), and body readers read
/// JSON strings through <see cref="TryRead"/>, so such input is a 400 naming its field instead of a 500 from the database.
/// </summary>
public static class StorableText
{
    public const string Rule = "must not contain a NUL character (\\u0000) or a lone UTF-16 surrogate (such as \\ud800)";

    // One rule for the whole service: the intake's (Contracts), so a query parameter and a webhook field agree.
    public static bool IsStorable(string text) => Contracts.Submissions.StorableText.Problem(text) is null;

    /// <summary>A JSON string's text when it is storable; System.Text.Json throws on a lone surrogate escape, caught here.</summary>
    public static bool TryRead(JsonElement value, out string? text)
    {
        try
        {
            text = value.GetString();
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }

        return text is null || IsStorable(text);
    }
}
