using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Grading.Tests.Fuzzing;

/// <summary>
/// Random JSON against every part kind: the served problems (number, values, expression, design), the example problems
/// (vector, matrix) and a choice part. Every answer grades to correct, partial, incorrect, invalid or missing with a
/// message, within a bounded time, and never through the catch-all that turns a grader bug into "could not be evaluated".
/// </summary>
public sealed class AnswerReaderFuzzTests
{
    public const int CasesPerKind = 3_000;
    public const int MutatedCases = 6_000;
    private static readonly TimeSpan PerSubmission = TimeSpan.FromSeconds(2);

    private static readonly Lazy<List<(Problem Problem, Part Part)>> AllParts = new(LoadParts);

    public static TheoryData<PartKind> Kinds()
    {
        var kinds = new TheoryData<PartKind>();
        foreach (var kind in AllParts.Value.Select(p => p.Part.Kind).Distinct().Order())
        {
            kinds.Add(kind);
        }
        return kinds;
    }

    [Fact]
    public void Every_automatically_graded_part_kind_is_fuzzed()
    {
        var kinds = AllParts.Value.Select(p => p.Part.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<PartKind>().Where(k => k is not PartKind.Manual and not PartKind.Sequence).Order(), kinds.Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Arbitrary_json_grades_to_a_status_with_a_message(PartKind kind)
    {
        var parts = AllParts.Value.Where(p => p.Part.Kind == kind).ToArray();
        Gen.Select(Gen.OneOf<(Problem Problem, Part Part)>(parts), JsonAnswerGen.Value(3))
            .Sample(c => GradesCleanly(c.Item1.Problem, $"{{{JsonSerializer.Serialize(c.Item1.Part.Id)}:{c.Item2}}}"), iter: CasesPerKind);
    }

    [Fact]
    public void Example_answers_with_one_field_mutated_grade_to_a_status_with_a_message()
    {
        var examples = ExampleAnswers().ToArray();
        Gen.Select(Gen.OneOf<(Problem Problem, JsonObject Answers)>(examples), Gen.Int[0, 1000], Gen.Int[0, 2], JsonAnswerGen.Value(2))
            .Sample(c => GradesCleanly(c.Item1.Problem, Mutate(c.Item1.Answers, c.Item2, c.Item3, c.Item4)), iter: MutatedCases);
    }

    [Fact]
    public void An_answers_value_that_is_not_an_object_grades_every_part_invalid() =>
        Gen.Select(Gen.OneOf<Problem>(AllParts.Value.Select(p => p.Problem).Distinct().ToArray()), JsonAnswerGen.Value(2))
            .Where(c => !c.Item2.StartsWith('{'))
            .Sample(c => GradesCleanly(c.Item1, c.Item2), iter: 1_000);

    internal static void GradesCleanly(Problem problem, string answersJson)
    {
        using var answers = JsonDocument.Parse(answersJson);
        var clock = Stopwatch.StartNew();
        var report = problem.Grade(answers.RootElement);
        Assert.True(clock.Elapsed < PerSubmission, $"{clock.Elapsed.TotalMilliseconds:F0} ms for {Shorten(answersJson)}");
        foreach (var result in report.Parts.Where(r => !problem.FindPart(r.PartId)!.IsManual))
        {
            var context = $"{problem.Id} {result.PartId} ({result.Status}: {result.Feedback}) for {Shorten(answersJson)}";
            Assert.True(result.Status is PartStatus.Correct or PartStatus.Partial or PartStatus.Incorrect or PartStatus.Invalid
                or PartStatus.Missing, context);
            Assert.False(string.IsNullOrWhiteSpace(result.Feedback), context);
            Assert.False(result.Feedback.StartsWith("This answer could not be evaluated", StringComparison.Ordinal), context);
            Assert.True(double.IsFinite(result.Score) && result.Score >= 0 && result.Score <= result.MaxScore, context);
            Assert.True(IsStorable(result.Feedback), context);
        }

        Assert.True(double.IsFinite(report.Score));
        _ = GradeReportJson.ToJson(report).ToJsonString(); // what is stored must serialise (no NaN or infinity in "expected")
    }

    // What PostgreSQL's text and jsonb can hold: no NUL, no unpaired surrogate (a message cut inside a pair would be one).
    private static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0' || char.IsLowSurrogate(text[i]))
            {
                return false;
            }
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static string Mutate(JsonObject answers, int pick, int how, string value)
    {
        var copy = answers.DeepClone().AsObject();
        var nodes = Descendants(copy).ToList();
        var (parent, key) = nodes[pick % nodes.Count];
        var replacement = JsonNode.Parse(value);
        switch (how, parent)
        {
            case (0, JsonObject obj):
                obj[key!] = replacement;
                break;
            case (1, JsonObject obj):
                obj.Remove(key!);
                break;
            case (2, JsonObject obj):
                var moved = obj[key!];
                obj.Remove(key!);
                obj[key!.ToUpperInvariant() + " "] = moved?.DeepClone();
                break;
            case (_, JsonArray array):
                array[int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture)] = how == 1 ? null : replacement;
                break;
        }
        return copy.ToJsonString();
    }

    private static IEnumerable<(JsonNode Parent, string Key)> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key);
                    if (child is not null)
                    {
                        foreach (var inner in Descendants(child))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Descendants(child))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static List<(Problem, Part)> LoadParts()
    {
        var examples = ProblemCatalog.Load(Path.Combine(Catalog.RepositoryRoot(), "problems", "examples"));
        var choice = ProblemLoader.LoadText("id: fuzz-choice\ntitle: Choice\ncourse: Test\n"
            + "networks:\n  n: { inputs: 1, layers: [ { weights: [[2]], offsets: [-1], activation: relu } ] }\n"
            + "parts:\n"
            + "  - { id: one, kind: choice, choices: [a, b, c, d], reference: { answer: b } }\n"
            + "  - { id: many, kind: choice, choices: [a, b, c, d], reference: { answer: [a, c] } }\n"
            + "  - { id: num, kind: choice, choices: { a: 0, b: 6, c: 5, d: -5 }, reference: { network: n, input: [3], quantity: output } }\n",
            "fuzz-choice.yaml");
        return Catalog.Instance.Problems.Concat(examples.Problems).Append(choice)
            .SelectMany(problem => problem.Parts.Where(part => !part.IsManual).Select(part => (problem, part)))
            .ToList();
    }

    // The handout answers of examples/ (right ones and the mistakes file), for their problems and the randomized twins.
    private static IEnumerable<(Problem Problem, JsonObject Answers)> ExampleAnswers()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Catalog.RepositoryRoot(), "examples"), "*.json"))
        {
            var id = Path.GetFileName(file).Split('.')[0];
            var answers = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            foreach (var problem in Catalog.Instance.Problems.Where(p => p.Id == id || p.Id == id + "-randomized"))
            {
                yield return (problem, answers);
            }
        }
    }
}
