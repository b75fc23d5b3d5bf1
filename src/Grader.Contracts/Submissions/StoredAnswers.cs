using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Grader.Contracts.Submissions;

/// <summary>
/// The answers object as Grader stores it: the same object with every number rewritten by <see cref="StoredNumber"/>,
/// every key and string checked by <see cref="StorableText"/>, and what PostgreSQL will print for it bounded. Both the
/// webhook and <c>grader submit</c> use it, so they refuse the same input with the same words.
/// </summary>
/// <remarks>
/// It runs on every webhook, so the walk allocates little: the path of a value (<c>answers.q1[2]</c>) is spelled out only
/// for an error, numbers are read from their UTF-8 bytes, and the output is written into one buffer sized for the input.
/// </remarks>
public static class StoredAnswers
{
    /// <summary>The webhook's default body limit, which also bounds what the stored answers print as.</summary>
    public const int DefaultMaxPrintedChars = 256 * 1024;

    // System.Text.Json refuses to turn an escaped lone surrogate ("\ud800") into a string.
    private const string Unpaired = "is not valid Unicode (an unpaired surrogate), which cannot be stored";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="maxPrintedChars">Most characters the stored answers may print as (the webhook's body limit).</param>
    /// <returns>The JSON to store, or null with the path of the first value at fault (<c>answers.q1[2]</c>) and why.</returns>
    public static string? Normalise(JsonElement answers, int maxPrintedChars, out string field, out string error)
    {
        // Numbers written back in their shortest form rarely take more room than they were sent in.
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, JsonMarshal.GetRawUtf8Value(answers).Length + 64));
        var path = new List<Step>();
        var printed = 0L;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (!Write(answers, path, writer, ref printed, out field, out error))
            {
                return null;
            }
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        printed += json.Length;
        if (printed > maxPrintedChars)
        {
            field = "answers";
            error = $"The answers would take {printed} characters when stored (numbers print without an exponent); at most {maxPrintedChars}.";
            return null;
        }

        return json;
    }

    private static bool Write(JsonElement element, List<Step> path, Utf8JsonWriter writer, ref long printed, out string field, out string error)
    {
        field = "";
        error = "";
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryName(property, out var name, out var why))
                    {
                        field = Spell(path);
                        error = $"A key or string at {field} {why}.";
                        return false;
                    }

                    writer.WritePropertyName(name);
                    path.Add(new Step(name, 0));
                    if (!Write(property.Value, path, writer, ref printed, out field, out error))
                    {
                        return false;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                writer.WriteEndObject();
                return true;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    path.Add(new Step(null, index++));
                    if (!Write(item, path, writer, ref printed, out field, out error))
                    {
                        return false;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                writer.WriteEndArray();
                return true;
            case JsonValueKind.String:
                if (!TryString(element, out var text, out var problem))
                {
                    field = Spell(path);
                    error = $"A key or string at {field} {problem}.";
                    return false;
                }

                writer.WriteStringValue(text);
                return true;
            case JsonValueKind.Number:
                if (StoredNumber.TryRead(JsonMarshal.GetRawUtf8Value(element), out var value) is { } refused)
                {
                    field = Spell(path);
                    error = $"The value at {field}: {refused}.";
                    return false;
                }

                writer.WriteNumberValue(value);
                // What jsonb prints beyond what was written (1E+300 prints as 301 digits).
                printed += StoredNumber.ExtraPrintedLength(value);
                return true;
            default:
                element.WriteTo(writer);
                return true;
        }
    }

    /// <summary>The path of a value as an error names it: <c>answers.q1[2]</c>.</summary>
    private static string Spell(List<Step> path)
    {
        var spelled = new StringBuilder("answers");
        foreach (var step in path)
        {
            if (step.Name is null)
            {
                spelled.Append('[').Append(step.Index).Append(']');
            }
            else
            {
                spelled.Append('.').Append(step.Name);
            }
        }

        return spelled.ToString();
    }

    private static bool TryName(JsonProperty property, out string name, out string why)
    {
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            name = "";
            why = Unpaired;
            return false;
        }

        return Storable(name, out why);
    }

    private static bool TryString(JsonElement element, out string text, out string why)
    {
        try
        {
            text = element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            text = "";
            why = Unpaired;
            return false;
        }

        return Storable(text, out why);
    }

    private static bool Storable(string text, out string why)
    {
        why = StorableText.Problem(text) ?? "";
        return why.Length == 0;
    }

    /// <summary>One step of a value's path: a key, or (Name null) an array index.</summary>
    private readonly record struct Step(string? Name, int Index);
}
