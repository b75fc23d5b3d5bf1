using System.Text.RegularExpressions;
using Grader.Engine.Expressions.Ast;
using Grader.Grading.Judging;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Slips that only the expression itself shows: σ written where σ′ belongs (one call at a time is replaced by
/// σ(u)(1 − σ(u)) and the answer checked again), and a layer's weights used for another's (W1 and W2 swapped, or one used
/// for the other). Tried only once an answer is wrong, so right answers pay nothing.
/// </summary>
internal static partial class ExpressionMistakes
{
    public static Mistake? Find(Expression answer, IReadOnlyCollection<string> variables, Func<Expression, bool> matches)
    {
        var sigmoids = Count(answer, e => e is CallExpression { Function: "sigmoid" });
        for (var i = 0; i < sigmoids; i++)
        {
            var index = 0;
            var candidate = Rewrite(answer, e => e is CallExpression { Function: "sigmoid" } call && index++ == i ? SigmoidPrime(call) : null);
            if (matches(candidate))
            {
                return new Mistake("sigma-for-sigma-prime",
                    "It would match with σ′(…) = σ(…)(1 − σ(…)) in place of one σ(…): check the derivative of the sigmoid.");
            }
        }
        foreach (var (a, b) in LayerPairs(variables))
        {
            var swapped = Rewrite(answer, e => e is VariableExpression v && (v.Name == a || v.Name == b)
                ? new VariableExpression(v.Name == a ? b : a, v.Position)
                : null);
            if (matches(swapped))
            {
                return new Mistake("wrong-layer", $"It would match with {a} and {b} swapped: check which layer each factor belongs to.");
            }
            // One occurrence of a layer's weights where the other's belong.
            foreach (var (from, to) in (ReadOnlySpan<(string, string)>)[(a, b), (b, a)])
            {
                var occurrences = Count(answer, e => e is VariableExpression v && v.Name == from);
                for (var i = 0; i < occurrences; i++)
                {
                    var index = 0;
                    var candidate = Rewrite(answer, e => e is VariableExpression v && v.Name == from && index++ == i
                        ? new VariableExpression(to, v.Position)
                        : null);
                    if (matches(candidate))
                    {
                        return new Mistake("wrong-layer", $"It would match with {to} in place of one {from}: check which layer each factor belongs to.");
                    }
                }
            }
        }
        return null;
    }

    // W1/W2, w1/w2: the same stem with different layer numbers.
    private static IEnumerable<(string, string)> LayerPairs(IReadOnlyCollection<string> variables)
    {
        var layered = variables.Select(name => (name, match: Layer().Match(name))).Where(pair => pair.match.Success).ToList();
        for (var i = 0; i < layered.Count; i++)
        {
            for (var j = i + 1; j < layered.Count; j++)
            {
                if (layered[i].match.Groups["stem"].Value == layered[j].match.Groups["stem"].Value)
                {
                    yield return (layered[i].name, layered[j].name);
                }
            }
        }
    }

    private static BinaryExpression SigmoidPrime(CallExpression call) => new(BinaryOperator.ElementwiseMultiply, call,
        new BinaryExpression(BinaryOperator.Subtract, new NumberExpression(1, call.Position), call, call.Position), call.Position);

    private static int Count(Expression e, Func<Expression, bool> counts) => (counts(e) ? 1 : 0) + e switch
    {
        BinaryExpression binary => Count(binary.Left, counts) + Count(binary.Right, counts),
        CallExpression call => call.Arguments.Sum(argument => Count(argument, counts)),
        NegateExpression negate => Count(negate.Operand, counts),
        TransposeExpression transpose => Count(transpose.Operand, counts),
        _ => 0,
    };

    // Rebuilds the tree bottom-up, replacing the nodes `replace` gives a new node for (children are not visited then).
    private static Expression Rewrite(Expression e, Func<Expression, Expression?> replace) => replace(e) ?? e switch
    {
        BinaryExpression binary => new BinaryExpression(binary.Operator, Rewrite(binary.Left, replace), Rewrite(binary.Right, replace),
            binary.Position) { Notation = binary.Notation },
        CallExpression call => new CallExpression(call.Function, [.. call.Arguments.Select(argument => Rewrite(argument, replace))], call.Position),
        NegateExpression negate => new NegateExpression(Rewrite(negate.Operand, replace), negate.Position),
        TransposeExpression transpose => new TransposeExpression(Rewrite(transpose.Operand, replace), transpose.Position,
            transpose.ScalarRefusedAt),
        _ => e,
    };

    [GeneratedRegex(@"^(?<stem>[A-Za-z]+?)_?(?<layer>\d)$")]
    private static partial Regex Layer();
}
