namespace Grader.Engine.Expressions.Ast;

/// <summary>A numeric literal such as <c>2</c>, <c>.5</c> or <c>3.06E-7</c>.</summary>
public sealed class NumberExpression(double value, int position) : Expression(position)
{
    public double Value { get; } = value;
}
