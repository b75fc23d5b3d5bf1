namespace Grader.Engine.Expressions.Ast;

/// <summary>A name the caller supplies a value or a definition for.</summary>
public sealed class VariableExpression(string name, int position) : Expression(position)
{
    public string Name { get; } = name;
}
