using Grader.Grading.Model;
using Grader.Grading.References;

namespace Grader.Grading.Variants;

/// <summary>The numbers of a part's computed reference, labelled ("1a o2[0]"), for constraints and for check's spread.</summary>
internal static class ReferenceNumbers
{
    public static IEnumerable<(string Label, double Value)> Of(Part part) => Of(part.Id, part.Key);

    private static IEnumerable<(string Label, double Value)> Of(string label, AnswerKey key) => key switch
    {
        HintedKey hinted => Of(label, hinted.Inner),
        ValueKey value => Elements(label, value.Reference.ToArray()),
        ValuesKey values => values.Fields.SelectMany(field => Elements($"{label} {field.Name}", field.Reference.ToArray())),
        _ => [],
    };

    private static IEnumerable<(string, double)> Elements(string label, double[] values) => values.Length == 1
        ? [(label, values[0])]
        : values.Select((value, index) => (FormattableString.Invariant($"{label}[{index}]"), value));
}
