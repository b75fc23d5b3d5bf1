namespace Grader.Engine.Expressions.Ast;

/// <summary>An infix operation; its position is the operator's (for implicit products, the right operand's).</summary>
public sealed class BinaryExpression(BinaryOperator @operator, Expression left, Expression right, int position) : Expression(position)
{
    public BinaryOperator Operator { get; } = @operator;

    public Expression Left { get; } = left;

    public Expression Right { get; } = right;

    /// <summary>How a product was written, where that changes its meaning for some shapes.</summary>
    public ProductNotation Notation { get; init; }
}
