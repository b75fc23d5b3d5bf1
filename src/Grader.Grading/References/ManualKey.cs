using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>A sketch, drawing or explanation: shown to instructors, never scored by the grader.</summary>
internal sealed class ManualKey : AnswerKey
{
    public override JsonNode? Expected => null;

    public override string Describe() => "(graded by staff)";

    public override PartResult Grade(Part part, JsonElement answer) =>
        new(part.Id, PartStatus.Manual, 0, part.Points, "Graded by the course staff.");
}
