using System.Text.Json;

namespace Grader.Grading.Answers;

/// <summary>
/// Matches a student's field names to a part's: exactly first, then ignoring case, blanks and the separators an LMS form
/// or a student adds (<c>"Z_1"</c>, <c>"dz1/dw1"</c>, <c>"area beta1"</c> all find their field), reading the partial sign ∂
/// as d and subscript digits as digits (<c>"∂z1/∂w1"</c>, <c>"w₁"</c>).
/// </summary>
internal static class FieldNames
{
    public static JsonElement? Find(JsonElement answer, string name)
    {
        if (answer.TryGetProperty(name, out var exact))
        {
            return exact;
        }
        var wanted = Normalize(name);
        foreach (var property in answer.EnumerateObject())
        {
            if (Normalize(property.Name) == wanted)
            {
                return property.Value;
            }
        }
        return null;
    }

    /// <summary>Every property that names the field, in the order given: more than one is the same field written twice.</summary>
    public static List<JsonProperty> FindAll(JsonElement answer, string name)
    {
        var wanted = Normalize(name);
        return [.. answer.EnumerateObject().Where(property => property.Name == name || Normalize(property.Name) == wanted)];
    }

    public static bool Matches(string given, string name) => Normalize(given) == Normalize(name);

    public static string Normalize(string name) =>
        string.Concat(name.Select(Plain).Where(c => char.IsLetterOrDigit(c) || c == '.')).ToLowerInvariant();

    private static char Plain(char c) => c switch
    {
        '∂' => 'd',
        >= '₀' and <= '₉' => (char)('0' + (c - '₀')),
        _ => c,
    };
}
