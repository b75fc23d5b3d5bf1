namespace Grader.Engine.Expressions.Ast;

/// <summary>A function applied to arguments; the name is canonical (<c>ln</c> is stored as <c>log</c>, <c>σ</c> as <c>sigmoid</c>).</summary>
public sealed class CallExpression(string function, IReadOnlyList<Expression> arguments, int position) : Expression(position)
{
    public string Function { get; } = function;

    public IReadOnlyList<Expression> Arguments { get; } = arguments;
}
