using System.Text.Json.Nodes;

namespace Grader.Grading.Judging;

/// <summary>One part's grade: status, score out of the part's points, feedback a student can act on, the expected value
/// where the problem reveals it, and the misconception tags of the slips the grader recognised (<c>sign</c>, <c>half</c>,
/// <c>transpose</c>, <c>carried-forward</c>…), which instructors count.</summary>
public sealed record PartResult(string PartId, PartStatus Status, double Score, double MaxScore, string Feedback, JsonNode? Expected = null)
{
    /// <summary>The misconception tags, none when the grader recognised no slip.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// For a wrong numeric part of a randomized problem, how the answer relates to this student's own reference
    /// ("negated", "×2", "f: transposed; q: zero"): the summary groups wrong answers by it across variants. Null otherwise.
    /// </summary>
    public string? Pattern { get; init; }
}
