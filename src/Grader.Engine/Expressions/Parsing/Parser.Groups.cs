using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>The parser's groups: parentheses and square brackets, absolute-value bars and function calls.</summary>
internal sealed partial class Parser
{
    // Bars do not say which side they are on, so "||x| - |y||" would need guessing: inside bars, a bar only closes.
    private bool _insideBars;

    // "(x)" and "[x]" group alike; each closes only with its own partner.
    private Expression ParseGroup(Token open)
    {
        Advance();
        Enter(open.Position);
        if (Current.Kind is TokenKind.RightParen or TokenKind.RightBracket)
        {
            throw Unexpected(Current);
        }
        var inner = ParseConditional();
        ExpectClosing(open);
        _depth--;
        return inner;
    }

    // "|x|" is abs(x).
    private Expression ParseAbsoluteValue(Token open)
    {
        if (_insideBars)
        {
            throw Fail("nested '|' bars are ambiguous: write abs(…)", open.Position);
        }
        Advance();
        Enter(open.Position);
        if (Current.Kind == TokenKind.Bar)
        {
            // "||x||" is the norm when nothing between the doubled bars is a bar; "||x| - |y||" would need guessing.
            return BarNormFollows(open) ? ParseNorm(open) : throw Fail("'||' is ambiguous: write norm(…) or abs(…)", open.Position);
        }
        _insideBars = true;
        var inner = ParseComparison();
        if (Current.Kind != TokenKind.Bar)
        {
            throw Current.Kind == TokenKind.End ? Fail("expected '|' to close '|'", open.Position) : Unexpected(Current);
        }
        Advance();
        _insideBars = false;
        _depth--;
        return new CallExpression("abs", [inner], open.Position);
    }

    private Expression ParseCall(Token name, string function, int minArguments, int maxArguments)
    {
        var open = Advance();
        Enter(open.Position);
        var arguments = new List<Expression>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseConditional());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseConditional());
            }
        }
        ExpectClosing(open);
        _depth--;
        if (arguments.Count < minArguments || arguments.Count > maxArguments)
        {
            var expected = minArguments == maxArguments ? $"{minArguments}" : $"{minArguments} or {maxArguments}";
            var noun = maxArguments == 1 ? "argument" : "arguments";
            throw Fail($"'{name.Text}' takes {expected} {noun}, not {arguments.Count}", name.Position);
        }
        return function == "transpose"
            ? new TransposeExpression(arguments[0], name.Position)
            : FunctionForms.Call(function, arguments, name.Position);
    }

    private void ExpectClosing(Token open)
    {
        var (closing, other) = open.Kind == TokenKind.LeftBracket
            ? (TokenKind.RightBracket, TokenKind.RightParen)
            : (TokenKind.RightParen, TokenKind.RightBracket);
        if (Current.Kind == closing)
        {
            Advance();
            return;
        }
        var expected = closing == TokenKind.RightBracket ? "']'" : "')'";
        if (Current.Kind == other)
        {
            throw Fail($"{Current.Describe()} cannot close '{open.Text}': expected {expected}", Current.Position);
        }
        throw Current.Kind == TokenKind.End ? Fail($"expected {expected} to close '{open.Text}'", open.Position) : Unexpected(Current);
    }
}
