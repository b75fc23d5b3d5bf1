using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>
/// A multiple-choice part: the answer is one label ("b") or, when several are right, a list of labels; it is correct when
/// it names exactly the right set. Labels match without regard to case or surrounding spaces.
/// </summary>
internal sealed class ChoiceKey(IReadOnlyList<string> labels, IReadOnlySet<string> correct, string basis, bool reveal) : AnswerKey
{
    public IReadOnlySet<string> Correct { get; } = correct;

    public override JsonNode? Expected => !reveal ? null
        : Correct.Count == 1 ? JsonValue.Create(Correct.Single())
        : new JsonArray(labels.Where(Correct.Contains).Select(label => (JsonNode?)JsonValue.Create(label)).ToArray());

    public override string Describe() => $"{string.Join(", ", labels.Where(Correct.Contains))} of {string.Join(", ", labels)}{basis}";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        var given = answer.ValueKind switch
        {
            JsonValueKind.String => [answer.GetString()!],
            JsonValueKind.Array when answer.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                answer.EnumerateArray().Select(item => item.GetString()!).ToList(),
            _ => (List<string>?)null,
        };
        if (given is null)
        {
            return Result(part, PartStatus.Invalid, $"Expected a choice ({string.Join(", ", labels)}) or a list of choices, got {AnswerReader.Describe(answer)}.");
        }
        if (given.Count == 0 || given.All(label => label.Trim().Length == 0))
        {
            return Result(part, PartStatus.Missing, "No choice was made.");
        }
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in given)
        {
            var label = labels.FirstOrDefault(label => string.Equals(label, text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (label is null)
            {
                return Result(part, PartStatus.Invalid, $"'{text}' is not one of the choices {string.Join(", ", labels)}.");
            }
            chosen.Add(label);
        }
        if (chosen.SetEquals(Correct))
        {
            return Result(part, PartStatus.Correct, "Correct.");
        }
        var wrong = chosen.Where(label => !Correct.Contains(label)).ToList();
        var message = wrong.Count > 0
            ? $"{string.Join(", ", wrong)} {(wrong.Count == 1 ? "is" : "are")} not right."
            : $"Right so far, but {Correct.Count - chosen.Count} more choice{(Correct.Count - chosen.Count == 1 ? " is" : "s are")} right.";
        return Result(part, PartStatus.Incorrect, message);
    }

    private PartResult Result(Part part, PartStatus status, string feedback) =>
        new(part.Id, status, status == PartStatus.Correct ? part.Points : 0, part.Points, feedback,
            status is PartStatus.Correct or PartStatus.Missing ? null : Expected);
}
