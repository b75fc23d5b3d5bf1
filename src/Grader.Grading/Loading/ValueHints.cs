using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Quantities;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>
/// Reads a numeric part's <c>hints: [{value: 0.5, say: "…"}, {quantity: a1, say: "…"}]</c>: a known wrong value, given as a
/// number or as another quantity of the part's own computation (the activation where the pre-activation is asked).
/// </summary>
internal static class ValueHints
{
    public static AnswerKey Wrap(YamlMap map, ValueKey key, QuantitySource source, ValueShape shape, Tolerance tolerance)
    {
        if (map.Find("hints") is not { } node)
        {
            return key;
        }
        var hints = new List<Hint>();
        foreach (var item in node is YamlSequenceNode list ? list.Children : throw map.Error("'hints' is a list of {value or quantity, say}", node))
        {
            var hint = map.AsMap(item, "hints");
            hint.AllowOnly("value", "quantity", "say");
            var (value, described) = hint.OptionalString("quantity") is { } quantity
                ? (QuantityReader.Get(source, quantity, hint), quantity)
                : (hint.Matrix("value"), "");
            if (value.Shape != key.Reference.Shape)
            {
                throw hint.Error($"the hint is a {value.Shape} value, the reference {key.Reference.Shape}");
            }
            if (value.ToArray().Zip(key.Reference.ToArray()).All(pair => tolerance.Accepts(pair.First, pair.Second)))
            {
                throw hint.Error("the hint's value equals the reference: a student giving it is graded correct");
            }
            var shown = JsonShapes.ToJson(value, shape).ToJsonString();
            hints.Add(new Hint(new ValueKey(value, shape, tolerance, reveal: false), hint.String("say"), described.Length == 0 ? shown : $"{described} = {shown}"));
        }
        return new HintedKey(key, hints);
    }
}
