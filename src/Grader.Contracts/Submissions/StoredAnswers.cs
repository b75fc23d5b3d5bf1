using System.Text.Encodings.Web;
using System.Text.Json;

namespace Grader.Contracts.Submissions;

/// <summary>
/// The answers object as Grader stores it: the same object with every number rewritten by <see cref="StoredNumber"/>,
/// every key and string checked by <see cref="StorableText"/>, and what PostgreSQL will print for it bounded. Both the
/// webhook and <c>grader submit</c> use it, so they refuse the same input with the same words.
/// </summary>
public static class StoredAnswers
{
    /// <summary>The webhook's default body limit, which also bounds what the stored answers print as.</summary>
    public const int DefaultMaxPrintedChars = 256 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="maxPrintedChars">Most characters the stored answers may print as (the webhook's body limit).</param>
    /// <returns>The JSON to store, or null with the path of the first value at fault (<c>answers.q1[2]</c>) and why.</returns>
    public static string? Normalise(JsonElement answers, int maxPrintedChars, out string field, out string error)
    {
        using var buffer = new MemoryStream();
        var printed = 0L;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (!Write(answers, "answers", writer, ref printed, out field, out error))
            {
                return null;
            }
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        printed += json.Length;
        if (printed > maxPrintedChars)
        {
            field = "answers";
            error = $"The answers would take {printed} characters when stored (numbers print without an exponent); at most {maxPrintedChars}.";
            return null;
        }

        return json;
    }

    private static bool Write(JsonElement element, string path, Utf8JsonWriter writer, ref long printed, out string field, out string error)
    {
        field = path;
        error = "";
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, path, out var name, out error))
                    {
                        return false;
                    }

                    writer.WritePropertyName(name);
                    if (!Write(property.Value, $"{path}.{name}", writer, ref printed, out field, out error))
                    {
                        return false;
                    }
                }

                writer.WriteEndObject();
                return true;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Write(item, $"{path}[{index++}]", writer, ref printed, out field, out error))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            case JsonValueKind.String:
                if (!TryText(element.GetString, path, out var text, out error))
                {
                    return false;
                }

                writer.WriteStringValue(text);
                return true;
            case JsonValueKind.Number:
                if (StoredNumber.TryRead(element.GetRawText(), out var value) is { } why)
                {
                    error = $"The value at {path}: {why}.";
                    return false;
                }

                writer.WriteNumberValue(value);
                // What jsonb prints beyond what was written (1E+300 prints as 301 digits).
                printed += Math.Max(0, StoredNumber.PrintedLength(value) - StoredNumber.WrittenLength(value));
                return true;
            default:
                element.WriteTo(writer);
                return true;
        }
    }

    private static bool TryText(Func<string?> read, string path, out string text, out string error)
    {
        error = "";
        try
        {
            text = read() ?? "";
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn an escaped lone surrogate ("\ud800") into a string.
            text = "";
            error = $"A key or string at {path} is not valid Unicode (an unpaired surrogate), which cannot be stored.";
            return false;
        }

        if (StorableText.Problem(text) is { } why)
        {
            error = $"A key or string at {path} {why}.";
            return false;
        }

        return true;
    }
}
