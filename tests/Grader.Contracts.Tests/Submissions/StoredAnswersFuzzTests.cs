using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Grader.Contracts.Submissions;

namespace Grader.Contracts.Tests.Submissions;

/// <summary>Random JSON of every kind through the intake's answer normaliser: it never throws, and what it stores is stable.</summary>
public sealed class StoredAnswersFuzzTests
{
    public const int Cases = 20_000;

    private static readonly Gen<string> Number = Gen.OneOf<string>(
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e999"),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[-40000, 40000].Select(e => $"1e{e}"),
        Gen.Char['0', '9'].Array[1, 400].Select(d => "0." + new string(d)));

    // JSON string literals: any text, and the escapes PostgreSQL cannot store.
    private static readonly Gen<string> Text = Gen.OneOf<string>(
        Gen.String[0, 20].Select(s => JsonSerializer.Serialize(s)),
        Gen.OneOf<string>("\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"ok\"", "\"\\n\""));

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, self) => depth >= 4
        ? Gen.OneOf<string>(Number, Text, Gen.OneOf<string>("true", "false", "null"))
        : Gen.OneOf<string>(
            Number, Text, Gen.OneOf<string>("true", "false", "null"),
            self.Array[0, 5].Select(items => $"[{string.Join(",", items)}]"),
            Gen.Select(Text, self, (key, value) => $"{key}:{value}").Array[0, 5].Select(props => $"{{{string.Join(",", props)}}}")));

    [Fact]
    public void Random_json_is_stored_or_refused_naming_a_path_never_thrown() =>
        Gen.Select(Text, Json, (key, value) => $"{key}:{value}").Array[0, 6].Select(props => $"{{{string.Join(",", props)}}}")
            .Sample(json =>
            {
                using var document = JsonDocument.Parse(json);
                var stored = StoredAnswers.Normalise(document.RootElement, StoredAnswers.DefaultMaxPrintedChars, out var field, out var error);
                if (stored is null)
                {
                    Assert.StartsWith("answers", field, StringComparison.Ordinal);
                    Assert.NotEmpty(error);
                    return;
                }

                Assert.NotNull(JsonNode.Parse(stored));
                using var again = JsonDocument.Parse(stored);
                Assert.Equal(stored, StoredAnswers.Normalise(again.RootElement, StoredAnswers.DefaultMaxPrintedChars, out _, out _));
            }, iter: Cases);
}
