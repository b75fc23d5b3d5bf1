using System.Globalization;
using System.Text;

namespace Grader.Engine.Expressions.Ast;

/// <summary>Prints the canonical form of an expression, which parses back to the same tree.</summary>
internal static class ExpressionPrinter
{
    private const int Comparison = 1, Additive = 2, Multiplicative = 3, Unary = 4, Power = 5, Postfix = 6, Primary = 7;

    public static string Print(Expression expression)
    {
        var text = new StringBuilder();
        Append(text, expression);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Expression expression)
    {
        switch (expression)
        {
            case NumberExpression number:
                text.Append(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ConstantExpression constant:
                text.Append(constant.Name);
                break;
            case VariableExpression variable:
                text.Append(variable.Name);
                break;
            case NegateExpression negate:
                text.Append('-');
                // "-(-x)" and "-(a + b)" rather than "--x" and a misleading "-a + b".
                AppendOperand(text, negate.Operand, Precedence(negate.Operand) <= Unary);
                break;
            case TransposeExpression transpose:
                AppendOperand(text, transpose.Operand, Precedence(transpose.Operand) < Postfix);
                text.Append('\'');
                break;
            case CallExpression call:
                text.Append(call.Function).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, call.Arguments[i]);
                }
                text.Append(')');
                break;
            case BinaryExpression binary:
                AppendBinary(text, binary);
                break;
            default:
                throw new InvalidOperationException($"no printer for {expression.GetType().Name}");
        }
    }

    private static void AppendBinary(StringBuilder text, BinaryExpression binary)
    {
        var precedence = Precedence(binary);
        var rightAssociative = binary.Operator == BinaryOperator.Power;
        var left = Precedence(binary.Left);
        var right = Precedence(binary.Right);
        AppendOperand(text, binary.Left, left < precedence || (rightAssociative && left == precedence));
        text.Append(Symbol(binary.Operator));
        // A sign right after an operator ("a*-b", "a - -b") is legal but easy to misread.
        var signedRight = binary.Right is NegateExpression;
        AppendOperand(text, binary.Right, right < precedence || (!rightAssociative && right == precedence) || signedRight);
    }

    private static void AppendOperand(StringBuilder text, Expression operand, bool parenthesize)
    {
        if (parenthesize)
        {
            text.Append('(');
        }
        Append(text, operand);
        if (parenthesize)
        {
            text.Append(')');
        }
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => " < ",
        BinaryOperator.Greater => " > ",
        BinaryOperator.LessOrEqual => " <= ",
        BinaryOperator.GreaterOrEqual => " >= ",
        BinaryOperator.Add => " + ",
        BinaryOperator.Subtract => " - ",
        BinaryOperator.Multiply => "*",
        BinaryOperator.ElementwiseMultiply => " .* ",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static int Precedence(Expression expression) => expression switch
    {
        BinaryExpression { Operator: <= BinaryOperator.GreaterOrEqual } => Comparison,
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => Additive,
        BinaryExpression { Operator: BinaryOperator.Power } => Power,
        BinaryExpression => Multiplicative,
        NegateExpression => Unary,
        TransposeExpression => Postfix,
        _ => Primary,
    };
}
