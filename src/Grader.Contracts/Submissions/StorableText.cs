namespace Grader.Contracts.Submissions;

/// <summary>
/// Text PostgreSQL can hold: <c>text</c> and <c>jsonb</c> refuse NUL and any string that is not valid UTF-16 (an
/// unpaired surrogate has no UTF-8 form). Checked at intake so such input is a 400 naming the field, not a 500 on insert.
/// </summary>
public static class StorableText
{
    /// <returns>null when <paramref name="text"/> can be stored, else why not.</returns>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return "contains a NUL character (\\u0000), which cannot be stored";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "contains an unpaired surrogate (not valid Unicode), which cannot be stored";
            }
        }

        return null;
    }
}
