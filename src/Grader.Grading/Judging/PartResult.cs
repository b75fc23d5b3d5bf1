using System.Text.Json.Nodes;

namespace Grader.Grading.Judging;

/// <summary>One part's grade: status, score out of the part's points, feedback a student can act on, and the expected value
/// where the problem reveals it.</summary>
public sealed record PartResult(string PartId, PartStatus Status, double Score, double MaxScore, string Feedback, JsonNode? Expected = null);
