using System.Globalization;

namespace Grader.Engine.Expressions;

/// <summary>Why an expression could not be parsed or evaluated, and where: a 1-based character position (0 = the whole text).</summary>
public sealed record ExpressionError(string Message, int Position)
{
    public override string ToString() =>
        Position > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Message} at {Position}") : Message;
}
