using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grader.Data.Entities;

/// <summary>
/// One part of a stored result, the element type of <see cref="GradingResult.Parts"/> (jsonb). <see cref="Tags"/> are the
/// grading library's misconception tags (<c>sign</c>, <c>transpose</c>, <c>carried-forward</c>…), null (not stored) when none.
/// <see cref="Pattern"/> is, for a wrong numeric part of a randomized problem, how the answer relates to the student's own
/// reference ("negated", "f: ×2"); the summary groups that part's wrong answers by it (migration 0011).
/// </summary>
public sealed record PartOutcome(
    string PartId, string Status, double Score, double MaxScore, string Feedback, IReadOnlyList<string>? Tags = null, string? Pattern = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(IReadOnlyList<PartOutcome> parts) => JsonSerializer.Serialize(parts, Json);

    public static IReadOnlyList<PartOutcome> FromJson(string json) => JsonSerializer.Deserialize<List<PartOutcome>>(json, Json) ?? [];
}
