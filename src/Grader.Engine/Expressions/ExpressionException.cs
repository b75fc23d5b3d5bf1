namespace Grader.Engine.Expressions;

/// <summary>Thrown by the throwing parse and evaluate methods; carries the positioned <see cref="ExpressionError"/>.</summary>
public sealed class ExpressionException(ExpressionError error) : Exception(error.ToString())
{
    public ExpressionError Error { get; } = error;
}
