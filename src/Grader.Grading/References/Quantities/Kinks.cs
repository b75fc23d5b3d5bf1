using Grader.Engine.Expressions.Ast;
using Grader.Engine.Linear;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// Finds where an author's expression is evaluated exactly at a kink or a tie — relu(0), |0|, step(0), max(y, z) with
/// y = z — where a derivative is a convention, not a fact; <c>grader check</c> warns so the author can move the point.
/// </summary>
internal static class Kinks
{
    private static readonly HashSet<string> _kinkAtZero = new(StringComparer.Ordinal) { "relu", "lure", "step", "sign", "abs", "norm" };

    public static IEnumerable<string> In(Expression expression, IReadOnlyDictionary<string, Matrix> values)
    {
        var pending = new Stack<Expression>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var child in Children(node))
            {
                pending.Push(child);
            }
            if (node is CallExpression call && Describe(call, values) is { } kink)
            {
                yield return kink;
            }
        }
    }

    private static string? Describe(CallExpression call, IReadOnlyDictionary<string, Matrix> values)
    {
        if (!call.Arguments.All(argument => argument.TryEvaluate(values, out _, out _)))
        {
            return null;
        }
        var arguments = call.Arguments.Select(argument => argument.Evaluate(values)).ToList();
        if (_kinkAtZero.Contains(call.Function) && arguments[0].ToArray().Any(value => value == 0))
        {
            return $"{call} is taken where its argument is 0, a kink";
        }
        if (call.Function is not ("max" or "min"))
        {
            return null;
        }
        var tied = arguments.Count == 1
            ? arguments[0].ToArray().Count(value => value == (call.Function == "max" ? arguments[0].ToArray().Max() : arguments[0].ToArray().Min())) > 1
            : Pairs(arguments[0], arguments[1]).Any(pair => pair.Left == pair.Right);
        return tied ? $"{call} is taken at a tie" : null;
    }

    private static IEnumerable<(double Left, double Right)> Pairs(Matrix left, Matrix right)
    {
        if (left.IsScalar || right.IsScalar || left.Shape == right.Shape)
        {
            var (l, r) = (left.ToArray(), right.ToArray());
            for (var i = 0; i < Math.Max(l.Length, r.Length); i++)
            {
                yield return (l.Length == 1 ? l[0] : l[i], r.Length == 1 ? r[0] : r[i]);
            }
        }
    }

    private static IEnumerable<Expression> Children(Expression node) => node switch
    {
        NegateExpression negate => [negate.Operand],
        TransposeExpression transpose => [transpose.Operand],
        BinaryExpression binary => [binary.Left, binary.Right],
        CallExpression call => call.Arguments,
        _ => [],
    };
}
