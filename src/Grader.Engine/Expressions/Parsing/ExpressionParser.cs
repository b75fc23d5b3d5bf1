using System.Diagnostics.CodeAnalysis;
using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// Parses students' symbolic answers. Pass the declared names (variables and definitions) whenever they are known: then
/// unknown names are reported at parse time, <c>x(1-x)</c> is a product for a declared x, and <c>e</c>, <c>pi</c> and
/// <c>^T</c> keep their built-in meaning only when no variable of that name is declared.
/// </summary>
public static class ExpressionParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ExpressionError? error) =>
        TryParse(text, null, out expression, out error);

    public static bool TryParse(
        string text,
        IEnumerable<string>? variables,
        [NotNullWhen(true)] out Expression? expression,
        [NotNullWhen(false)] out ExpressionError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            expression = Parser.Parse(text, variables is null ? null : new HashSet<string>(variables, StringComparer.Ordinal));
            error = null;
            return true;
        }
        catch (ExpressionException exception)
        {
            expression = null;
            error = exception.Error;
            return false;
        }
    }

    /// <summary>Parses or throws <see cref="ExpressionException"/> with the positioned error.</summary>
    public static Expression Parse(string text, IEnumerable<string>? variables = null) =>
        TryParse(text, variables, out var expression, out var error) ? expression : throw new ExpressionException(error);
}
