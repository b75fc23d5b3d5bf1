using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grader.Grading.Answers;

/// <summary>
/// The other shapes a values answer comes in, read as the object of named fields: an array in the order the prompt lists
/// the fields (<c>[0.1192, 0.8808]</c> for o1, o2), and a string holding either JSON (<c>"[0.1, 0.9]"</c>,
/// <c>"{\"o1\": 0.1}"</c>) or <c>name = value</c> pairs (<c>"o1 = 0.1192, o2 = 0.8808"</c>).
/// </summary>
internal static partial class ValuesText
{
    /// <summary>The answer as an object, a note on how it was read, or an error for a student.</summary>
    public static bool TryAsObject(JsonElement answer, IReadOnlyList<string> fields, out JsonElement value, out string note, out string error)
    {
        value = answer;
        note = "";
        error = "";
        if (answer.ValueKind == JsonValueKind.String && TryParseText(answer.GetString()!, out var parsed))
        {
            answer = parsed;
        }
        switch (answer.ValueKind)
        {
            case JsonValueKind.Object:
                value = answer;
                return true;
            case JsonValueKind.Array when answer.GetArrayLength() == fields.Count:
                var named = new JsonObject();
                var index = 0;
                foreach (var element in answer.EnumerateArray())
                {
                    // A column [[1], [0]] is the list 1, 0.
                    var item = element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == 1 ? element[0] : element;
                    named[fields[index++]] = JsonNode.Parse(item.GetRawText());
                }
                value = JsonSerializer.SerializeToElement(named);
                note = $"(Read in the prompt's order: {string.Join(", ", fields)}.)";
                return true;
            case JsonValueKind.Array:
                error = $"Expected an object with the fields {string.Join(", ", fields)} (or their {fields.Count} values in that order), "
                    + $"got an array of {answer.GetArrayLength()}.";
                return false;
            default:
                error = $"Expected an object with the fields {string.Join(", ", fields)}, got {AnswerReader.Describe(answer)}.";
                return false;
        }
    }

    private static bool TryParseText(string text, out JsonElement parsed)
    {
        parsed = default;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                parsed = document.RootElement.Clone();
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
        if (trimmed.Length > MaxPairsLength)
        {
            return false;
        }
        var pairs = Pair().Matches(trimmed);
        if (pairs.Count == 0 || Pair().Replace(trimmed, "").Trim(' ', ',', ';', '\n', '\t').Length > 0)
        {
            return false;
        }
        var named = new JsonObject();
        foreach (Match pair in pairs)
        {
            named[pair.Groups["name"].Value.Trim()] = pair.Groups["value"].Value.Trim();
        }
        parsed = JsonSerializer.SerializeToElement(named);
        return true;
    }

    // "name = value" text longer than this is not read as pairs: nobody writes a few named values in a thousand characters,
    // and the pair pattern retries its lazy name at every start, so its time grows with the square of the length (a
    // 32,000-character string took 6.6 s before this limit; AnswerReaderFuzzTests found it).
    private const int MaxPairsLength = 1_000;

    // name = value (or name: value), the value a number, a bracketed list, or anything up to the next separator.
    [GeneratedRegex(@"(?<name>[A-Za-z_∂][\w/∂ ]*?)\s*[=:]\s*(?<value>\[[^\]]*\]|\([^)]*\)|[^,;\n]+)")]
    private static partial Regex Pair();
}
