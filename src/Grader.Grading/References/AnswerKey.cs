using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>A part's computed reference and the rule that grades an answer against it.</summary>
internal abstract class AnswerKey
{
    /// <summary>The reference as staff read it (a value, or what an expression is compared with).</summary>
    public abstract string Describe();

    /// <summary>The expected answer in the submission's JSON shape, or null where the problem cannot reveal one.</summary>
    public abstract JsonNode? Expected { get; }

    public abstract PartResult Grade(Part part, JsonElement answer);
}
