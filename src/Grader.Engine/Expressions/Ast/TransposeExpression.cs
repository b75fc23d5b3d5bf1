namespace Grader.Engine.Expressions.Ast;

/// <summary>A transpose written <c>A'</c>, <c>A^T</c>, <c>Aᵀ</c> or <c>transpose(A)</c>.</summary>
public sealed class TransposeExpression(Expression operand, int position, int scalarRefusedAt = 0) : Expression(position)
{
    public Expression Operand { get; } = operand;

    /// <summary>
    /// The position of the '(' right after a prime on a declared variable ("W2'(…)"), or 0: that prime is a transpose of a
    /// matrix or vector, but on a scalar it can only mean a derivative x'(t), so evaluation refuses it there.
    /// </summary>
    public int ScalarRefusedAt { get; } = scalarRefusedAt;
}
