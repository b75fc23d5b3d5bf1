using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Grader.Grading.Tests.Fuzzing;

/// <summary>
/// Random JSON answer values as text: numbers at and past a double's edges, strings of odd Unicode (surrogate pairs,
/// combining marks, bidi controls, other scripts' digits, look-alike minus and times signs, half-formed numbers, matrices
/// and expressions), nested arrays, objects and nulls. No NUL and no unpaired surrogate: the webhook refuses those before
/// anything is stored (WebhookStorabilityTests), so no grader ever sees them.
/// </summary>
internal static class JsonAnswerGen
{
    private static readonly string[] NumberTexts =
    [
        "0", "-0", "1", "-1", "0.5", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "1e-300", "2.2250738585072014e-308",
        "9007199254740993", "-9223372036854775809", "123456789012345678901234567890", "1e400", "-1e400", "1e-400", "0.1e1", "3.0000000000000001",
        "233", "-12", "0.9999997", "3.06e-7", "154.66", "100",
    ];

    private static readonly string[] Pieces =
    [
        "x", "y", "z", "w1", "W", "b", "eta", "η", "σ", "sigmoid(", "relu(", "step(", "exp(", "log(", "sum(", "max(", ")", "(", "[", "]",
        "[[1,2],[3,4]]", "[1,2", ",", ";", " ", "\t", "\n", "*", ".*", "'", "^", "^T", "/", "+", "-", "−", "×", "·", "=", "≈", "%",
        "1", "0", "-4", "2.5", "1e308", "1e-400", "1e400", "NaN", "nan", "Infinity", "-inf", "∞", "½", "¾", "٣", "１２", "۴", "𝑥", "𝟙",
        "x\u0301", "\u202e", "\u200b", "\ufeff", "😀", "👩‍👩‍👧", "ℯ", "π", "i", "j", "0x1F", "1,000", "1 000", "3.06 x 10^-7",
        "4 square units", "four", "true", "null", "\\frac{1}{2}", "\\sigma", "\\left(", "$", "{", "}", "_", "a", "b", "c", "e", "E",
        "o1", "area0", "seq1", "Wfx", "dC_dw1", "q", "df_dq", "\"", "\\", "/", "<", ">", "&", "#", "@",
    ];

    public static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.OneOf<string>(NumberTexts)),
        (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[-5, 5].Select(i => i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Printable text without NUL or a lone surrogate (Gen.String's characters, plus the pieces above).</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(Gen.OneOf<string>(Pieces), Gen.String[0, 6].Select(Clean)).Array[0, 12].Select(string.Concat)),
        (1, Gen.OneOf<string>(Pieces)),
        (1, Gen.Select(Gen.OneOf<string>(Pieces), Gen.Int[100, 20_000], (piece, times) => string.Concat(Enumerable.Repeat(piece, times)))));

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Number),
        (4, Text.Select(text => JsonSerializer.Serialize(text))),
        (1, Gen.OneOf<string>("null", "true", "false")));

    /// <summary>Any JSON value up to <paramref name="depth"/> levels of arrays and objects.</summary>
    public static Gen<string> Value(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (2, Value(depth - 1).Array[0, 6].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Key, Value(depth - 1)).Array[0, 6].Select(Object)));

    /// <summary>Object keys: the answer fields the problems use, their near misses, and anything else.</summary>
    public static readonly Gen<string> Key = Gen.Frequency(
        (3, Gen.OneOf<string>("o1", "o2", "q", "f", "w1", "w2", "v1", "b", "seq1", "seq2", "Wfx", "bf", "z1", "a1", "area_beta1", "dC_dw1", "h2")),
        (1, Gen.OneOf<string>("O1", " o1 ", "o1.", "", " ", "𝑥", "1", "__proto__", "expected")),
        (1, Text));

    private static string Object((string Key, string Value)[] fields)
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in fields.DistinctBy(field => field.Key))
        {
            text.Append(text.Length > 1 ? "," : "").Append(JsonSerializer.Serialize(key)).Append(':').Append(value);
        }
        return text.Append('}').ToString();
    }

    private static string Clean(string text) =>
        new(text.Where(c => c != '\0' && !char.IsSurrogate(c)).ToArray());
}
