using System.Text.Json;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;
using Grader.Grading.References.Expressions;

namespace Grader.Grading.Judging;

/// <summary>
/// How a wrong expression relates to the student's own reference, for an expression part whose reference differs between
/// variants (a gradient step from the student's own point): its raw text holds the student's numbers, so two students with
/// the same slip write different texts. In order: the relation of its values at the part's sample points to the
/// reference's ("negated", "×2", "zero", as for numbers); for a gradient step that is affine in the rate, the relation of
/// its start and of its slope to the student's own ("start: right; slope: negated" — the step taken uphill); otherwise
/// its form with every number written as # ("form: # + #*eta").
/// </summary>
internal static class ExpressionPatterns
{
    public static string? Of(ExpressionKey key, JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.String || !ExpressionParser.TryParse(answer.GetString()!, key.Names, out var expression, out _))
        {
            return null;
        }
        if (Values(key, expression, key.FarStart) is not { } values)
        {
            return null;
        }
        var reference = Stack(key.References.Take(key.FarStart).ToList());
        var relation = AnswerPatterns.Relation(Stack(values), reference, key.Tolerance);
        if (relation is not ("other" or "right" or "wrong shape"))
        {
            return relation;
        }
        return Step(key, expression) ?? $"form: {WithoutNumbers(expression)}";
    }

    // A gradient step w − η·g: the answer's value at η = 0 is its start, its change per unit η its slope (the negative of
    // g); both are compared with the student's own, when the answer is that straight line in η at every sample point.
    private static string? Step(ExpressionKey key, Expression expression)
    {
        if (key.Step is not var (start, rate))
        {
            return null;
        }
        var at = key.Points[0];
        if (at[rate].ScalarValue == 0 || Value(key, expression, With(at, rate, 0)) is not { } origin || Value(key, expression, With(at, rate, 1)) is not { } one
            || origin.Shape != start.Shape || one.Shape != start.Shape)
        {
            return null;
        }
        var slope = one.Subtract(origin);
        var ownSlope = key.References[0].Subtract(start).Scale(1 / at[rate].ScalarValue);
        for (var k = 0; k < key.FarStart; k++)
        {
            if (Value(key, expression, key.Points[k]) is not { } value
                || Closeness.FirstMismatch(value, origin.Add(slope.Scale(key.Points[k][rate].ScalarValue)), key.Tolerance) >= 0)
            {
                return null;
            }
        }
        return $"start: {AnswerPatterns.Relation(origin, start, key.Tolerance)}; slope: {AnswerPatterns.Relation(slope, ownSlope, key.Tolerance)}";
    }

    private static List<Matrix>? Values(ExpressionKey key, Expression expression, int count)
    {
        var values = new List<Matrix>(count);
        for (var k = 0; k < count; k++)
        {
            if (Value(key, expression, key.Points[k]) is not { } value || value.Shape != key.References[k].Shape)
            {
                return null;
            }
            values.Add(value);
        }
        return values;
    }

    private static Matrix? Value(ExpressionKey key, Expression expression, IReadOnlyDictionary<string, Matrix> point)
    {
        try
        {
            return expression.TryEvaluate(new EvaluationEnvironment(point, key.Definitions), out var tensor, out _) && tensor.Value.AllFinite()
                ? tensor.Value
                : null;
        }
        catch (ShapeMismatchException)
        {
            return null;
        }
    }

    private static Dictionary<string, Matrix> With(IReadOnlyDictionary<string, Matrix> point, string name, double value) =>
        point.ToDictionary(pair => pair.Key, pair => pair.Key == name ? Matrix.Scalar(value) : pair.Value, StringComparer.Ordinal);

    private static Matrix Stack(IReadOnlyList<Matrix> values) => Matrix.Column([.. values.SelectMany(value => value.ToArray())]);

    /// <summary>The canonical form with each number as #: the shape of an answer whatever the student's numbers.</summary>
    public static string WithoutNumbers(Expression expression) => Rewrite(expression).ToString();

    private static Expression Rewrite(Expression e) => e switch
    {
        NumberExpression number => new VariableExpression("#", number.Position),
        BinaryExpression binary => new BinaryExpression(binary.Operator, Rewrite(binary.Left), Rewrite(binary.Right), binary.Position)
        {
            Notation = binary.Notation,
        },
        CallExpression call => new CallExpression(call.Function, [.. call.Arguments.Select(Rewrite)], call.Position),
        NegateExpression negate => new NegateExpression(Rewrite(negate.Operand), negate.Position),
        TransposeExpression transpose => new TransposeExpression(Rewrite(transpose.Operand), transpose.Position, transpose.ScalarRefusedAt),
        _ => e,
    };
}
