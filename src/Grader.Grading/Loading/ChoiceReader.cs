using Grader.Grading.Judging;
using Grader.Grading.References;
using Grader.Grading.References.Quantities;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>
/// Reads a choice part. Either <c>choices: [a, b, c]</c> with <c>reference: {answer: b}</c> (or a list, when several are
/// right), or numeric choices <c>choices: {a: 0.25, b: 0.5}</c> with a computed reference: then the right choice is the
/// one the engine's value equals within the part's tolerance — computed, never typed.
/// </summary>
internal static class ChoiceReader
{
    public static ChoiceKey Read(YamlMap map, ProblemContext context)
    {
        var node = map.Require("choices");
        var reference = map.Map("reference");
        var reveal = map.OptionalBool("reveal", true);
        if (node is YamlSequenceNode list)
        {
            var labels = list.Children.Select(child => map.ScalarText(child, "choices")).ToList();
            RequireDistinct(map, labels);
            reference.AllowOnly("answer");
            var answers = reference.Require("answer") is YamlSequenceNode many
                ? many.Children.Select(child => reference.ScalarText(child, "answer")).ToList()
                : [reference.String("answer")];
            if (answers.Count == 0 || answers.Any(answer => !labels.Contains(answer)))
            {
                throw reference.Error($"'answer' names choices among {string.Join(", ", labels)}");
            }
            return new ChoiceKey(labels, answers.ToHashSet(StringComparer.Ordinal), "", reveal);
        }
        var numbers = map.AsMap(node, "choices");
        var values = numbers.Keys.ToDictionary(label => label, label => numbers.Number(label), StringComparer.Ordinal);
        RequireDistinct(map, values.Keys.ToList());
        var source = QuantityReader.Read(reference, context);
        var quantity = reference.OptionalString("quantity") ?? source.DefaultQuantity;
        var computed = QuantityReader.Get(source, quantity, reference);
        if (!computed.IsScalar)
        {
            throw reference.Error($"numeric choices need a number, but '{quantity}' is {computed.Shape}");
        }
        var tolerance = ToleranceReader.Read(map, source.IsInteger);
        var matching = values.Where(pair => tolerance.Accepts(pair.Value, computed.ScalarValue)).Select(pair => pair.Key).ToList();
        if (matching.Count != 1)
        {
            throw map.Error(matching.Count == 0
                ? $"no choice equals the computed {quantity} = {ValueJudge.Format(computed.ScalarValue)} within {tolerance}"
                : $"choices {string.Join(" and ", matching)} both equal the computed {quantity} = {ValueJudge.Format(computed.ScalarValue)}");
        }
        return new ChoiceKey(values.Keys.ToList(), matching.ToHashSet(StringComparer.Ordinal),
            $" (the computed {quantity} = {ValueJudge.Format(computed.ScalarValue)}; {tolerance})", reveal);
    }

    private static void RequireDistinct(YamlMap map, IReadOnlyList<string> labels)
    {
        if (labels.Count < 2 || labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Count)
        {
            throw map.Error("'choices' needs at least two labels, distinct without regard to case");
        }
    }
}
