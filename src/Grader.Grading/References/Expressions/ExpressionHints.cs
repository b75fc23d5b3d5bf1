using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Linear;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Reads an expression part's <c>hints: [{answer: "y - p", say: "…"}]</c>: each known wrong answer is evaluated at the
/// part's own sample points, so a student's answer "equals" it by exactly the rule that grades the part.
/// </summary>
internal static class ExpressionHints
{
    public static AnswerKey Wrap(YamlMap map, ExpressionKey key, IReadOnlyList<string> names, IReadOnlyDictionary<string, Expression> definitions,
        IReadOnlyList<IReadOnlyDictionary<string, Matrix>> points, IReadOnlyList<VariableDomain> variables, Tolerance tolerance)
    {
        if (map.Find("hints") is not { } node)
        {
            return key;
        }
        var hints = new List<Hint>();
        foreach (var item in node is YamlSequenceNode list ? list.Children : throw map.Error("'hints' is a list of {answer, say}", node))
        {
            var hint = map.AsMap(item, "hints");
            hint.AllowOnly("answer", "say");
            var expression = AuthorExpressions.Parse(hint.String("answer"), names);
            var values = points.Select(point => expression.Evaluate(new EvaluationEnvironment(point, definitions)).Value).ToList();
            if (values.Zip(key.References).All(pair => pair.First.Shape == pair.Second.Shape
                && pair.First.ToArray().Zip(pair.Second.ToArray()).All(v => tolerance.Accepts(v.First, v.Second))))
            {
                throw hint.Error($"the hint's answer '{expression}' equals the reference: a student giving it is graded correct");
            }
            hints.Add(new Hint(new ExpressionKey($"equal to {expression}", variables, definitions, points, values, key.FarStart, tolerance), hint.String("say"), expression.ToString()));
        }
        return new HintedKey(key, hints);
    }
}
