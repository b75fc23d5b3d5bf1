using System.Text.Json.Serialization;
using Grader.Data.Entities;

namespace Grader.Api.Submissions;

/// <summary>
/// One graded part as the API shows it. Its JSON (<c>partId</c>, <c>status</c>, <c>score</c>, <c>maxScore</c>,
/// <c>feedback</c>) is what LMSs read, kept as it was when this was the stored <see cref="PartOutcome"/> itself;
/// <c>tags</c>, the misconception tags of the part, appears only when the grader named a slip (as in the JSON report).
/// </summary>
public sealed record PartResultView(
    string PartId,
    string Status,
    double Score,
    double MaxScore,
    string Feedback,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Tags = null)
{
    /// <summary>The parts of a stored result (<c>results.parts</c>).</summary>
    public static IReadOnlyList<PartResultView> From(string partsJson) =>
        PartOutcome.FromJson(partsJson)
            .Select(p => new PartResultView(p.PartId, p.Status, p.Score, p.MaxScore, p.Feedback, p.Tags is { Count: > 0 } ? p.Tags : null))
            .ToList();
}
