using System.Globalization;
using System.Text.Json.Nodes;
using Grader.Grading.Answers;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Expressions;

namespace Grader.Grading.Variants;

/// <summary>
/// A variant's right answers in the submission's JSON shape, written from the references the engine computed for it: the
/// load generator sends each student the answers that are right for their own variant, so a pipeline benchmark compares
/// like with like. A part no parameter reaches keeps the handout's answer (its key is the handout's).
/// </summary>
public static class VariantAnswers
{
    /// <summary>
    /// <paramref name="handoutAnswers"/> (right for the handout's numbers) with every varying auto-graded part replaced by
    /// <paramref name="variant"/>'s reference.
    /// </summary>
    /// <exception cref="NotSupportedException">A varying part's key has no answer to write (a design part).</exception>
    public static JsonObject Right(Problem variant, JsonObject handoutAnswers)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(handoutAnswers);
        var answers = (JsonObject)handoutAnswers.DeepClone();
        if (variant.Variants is not { } variants)
        {
            return answers;
        }
        foreach (var part in variant.Parts.Where(part => !part.IsManual && variants.Varies(part.Id)))
        {
            answers[part.Id] = Of(part.Key)
                ?? throw new NotSupportedException($"{variant.Id} part {part.Id}: a varying {part.Kind} part has no answer to write");
        }
        return answers;
    }

    private static JsonNode? Of(AnswerKey key) => key switch
    {
        HintedKey hinted => Of(hinted.Inner),
        ValueKey value => JsonShapes.ToJson(value.Reference, value.Shape),
        ValuesKey values => new JsonObject(values.Fields.Select(field =>
            KeyValuePair.Create(field.Name, (JsonNode?)JsonShapes.ToJson(field.Reference, field.Shape)))),
        ExpressionKey { Step: { } step } expression => StepExpression(expression, step.Start.ScalarValue, step.Rate),
        _ => null,
    };

    // A gradient step's reference at every point is start − g·rate: g read back from the first point, written round-trip.
    private static JsonNode StepExpression(ExpressionKey key, double start, string rate)
    {
        var slope = (start - key.References[0].ScalarValue) / key.Points[0][rate].ScalarValue;
        return JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{start:R} - ({slope:R})*{rate}"));
    }
}
