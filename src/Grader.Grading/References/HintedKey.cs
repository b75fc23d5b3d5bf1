using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>A known wrong answer and what to tell a student who gives it: the key grades "equal to the wrong answer".</summary>
internal sealed record Hint(AnswerKey Matches, string Message, string Describe);

/// <summary>
/// A part's key with author-written hints: an answer graded anything but correct is also graded against each known wrong
/// answer, with the same sampling and tolerance, and the first that it equals adds its message to the feedback. The score
/// and status stay the inner key's.
/// </summary>
internal sealed class HintedKey(AnswerKey inner, IReadOnlyList<Hint> hints) : AnswerKey
{
    public AnswerKey Inner { get; } = inner;

    public override JsonNode? Expected => Inner.Expected;

    public override string Describe() => $"{Inner.Describe()}; hints for: {string.Join("; ", hints.Select(hint => hint.Describe))}";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        var result = Inner.Grade(part, answer);
        if (result.Status is PartStatus.Correct or PartStatus.Missing)
        {
            return result;
        }
        foreach (var hint in hints)
        {
            if (hint.Matches.Grade(part, answer).Status == PartStatus.Correct)
            {
                return result with { Feedback = $"{result.Feedback} {hint.Message}" };
            }
        }
        return result;
    }
}
