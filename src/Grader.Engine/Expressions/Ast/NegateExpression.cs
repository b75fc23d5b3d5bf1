namespace Grader.Engine.Expressions.Ast;

/// <summary>Unary minus; <c>-x^2</c> is −(x²) because <c>^</c> binds tighter. Unary plus leaves no node.</summary>
public sealed class NegateExpression(Expression operand, int position) : Expression(position)
{
    public Expression Operand { get; } = operand;
}
