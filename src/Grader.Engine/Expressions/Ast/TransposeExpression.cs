namespace Grader.Engine.Expressions.Ast;

/// <summary>A transpose written <c>A'</c>, <c>A^T</c>, <c>Aᵀ</c> or <c>transpose(A)</c>.</summary>
public sealed class TransposeExpression(Expression operand, int position) : Expression(position)
{
    public Expression Operand { get; } = operand;
}
