using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>A number, vector, sequence or matrix part: the computed reference compared within the part's tolerance.</summary>
internal sealed class ValueKey(Matrix reference, ValueShape shape, Tolerance tolerance, bool reveal) : AnswerKey
{
    public Matrix Reference { get; } = reference;

    public override JsonNode? Expected => reveal ? JsonShapes.ToJson(Reference, shape) : null;

    public override string Describe() => $"{JsonShapes.ToJson(Reference, shape).ToJsonString()}  ({tolerance})";

    /// <summary>The same part recomputed on another reference (error-carried-forward), never revealed.</summary>
    public ValueKey WithReference(Matrix carried) => new(carried, shape, tolerance, reveal: false);

    public Tolerance Tolerance => tolerance;

    public ValueShape Shape => shape;

    public override PartResult Grade(Part part, JsonElement answer)
    {
        var verdict = ValueJudge.Judge(answer, Reference, shape, tolerance);
        return new PartResult(part.Id, verdict.Status, verdict.IsCorrect ? part.Points : 0, part.Points, verdict.Message,
            verdict.IsCorrect ? null : Expected) { Tags = verdict.Tag is null ? [] : [verdict.Tag] };
    }
}
