using System.Text.Json;

namespace Grader.Grading.Answers;

/// <summary>
/// Matches a student's field names to a part's: exactly first, then ignoring case, blanks and the separators an LMS form
/// or a student adds (<c>"Z_1"</c>, <c>"dz1/dw1"</c>, <c>"area beta1"</c> all find their field), reading the partial sign ∂
/// as d and subscript digits as digits (<c>"∂z1/∂w1"</c>, <c>"w₁"</c>).
/// </summary>
/// <remarks>
/// Two names are compared by walking their normalized characters side by side, building neither normalized string: the
/// comparison runs for every field of every answer a worker grades, and building both strings (with LINQ over their
/// characters) was about a tenth of the worker's CPU (docs/benchmarks.md, "The worker's CPU by profile").
/// </remarks>
internal static class FieldNames
{
    public static JsonElement? Find(JsonElement answer, string name)
    {
        if (answer.TryGetProperty(name, out var exact))
        {
            return exact;
        }
        foreach (var property in answer.EnumerateObject())
        {
            if (Matches(property.Name, name))
            {
                return property.Value;
            }
        }
        return null;
    }

    /// <summary>Every property that names the field, in the order given: more than one is the same field written twice.</summary>
    public static List<JsonProperty> FindAll(JsonElement answer, string name)
    {
        var found = new List<JsonProperty>();
        foreach (var property in answer.EnumerateObject())
        {
            if (Matches(property.Name, name))
            {
                found.Add(property);
            }
        }
        return found;
    }

    /// <summary>
    /// Whether the two names are equal once normalized: lowercased, with ∂ as d and subscript digits as digits, keeping only
    /// letters, digits and dots.
    /// </summary>
    public static bool Matches(string given, string name)
    {
        int i = 0, j = 0;
        while (true)
        {
            var left = NextKept(given, ref i);
            if (left != NextKept(name, ref j))
            {
                return false;
            }
            if (left == End)
            {
                return true;
            }
        }
    }

    // No kept character is NUL (not a letter, digit or dot), so it can mark a name's end.
    private const char End = '\0';

    // The next character of the normalized name from position i on, lowercased; End past the last. Lowercasing each
    // kept character alone is lowercasing the kept string: a surrogate is neither letter nor digit, so none is kept.
    private static char NextKept(string name, ref int i)
    {
        while (i < name.Length)
        {
            var c = Plain(name[i++]);
            if (char.IsLetterOrDigit(c) || c == '.')
            {
                return char.ToLowerInvariant(c);
            }
        }
        return End;
    }

    private static char Plain(char c) => c switch
    {
        '∂' => 'd',
        >= '₀' and <= '₉' => (char)('0' + (c - '₀')),
        _ => c,
    };
}
