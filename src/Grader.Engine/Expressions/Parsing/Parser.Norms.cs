using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>The parser's norms: "‖x‖" (LaTeX's \| and \lVert), "||x||", each optionally with the subscript _2 or _F.</summary>
internal sealed partial class Parser
{
    // Norms do not nest either: inside ‖…‖ a ‖ only closes.
    private bool _insideNorm;

    // Whether "||" at open starts a norm: two adjacent bars, then no bar until two adjacent closing ones.
    private bool BarNormFollows(Token open)
    {
        if (Current.Position != open.Position + 1)
        {
            return false;
        }
        for (var i = _index + 1; _tokens[i].Kind != TokenKind.End; i++)
        {
            if (_tokens[i].Kind == TokenKind.Bar)
            {
                return _tokens[i + 1].Kind == TokenKind.Bar && _tokens[i + 1].Position == _tokens[i].Position + 1;
            }
        }
        return false;
    }

    // "‖x‖" and "||x||" are norm(x): the Euclidean norm of a vector, the Frobenius norm of a matrix.
    private Expression ParseNorm(Token open)
    {
        var doubled = open.Kind == TokenKind.Bar;
        Advance();
        if (open.Kind == TokenKind.DoubleBar)
        {
            Enter(open.Position);
        }
        var (wasInsideNorm, wasInsideBars) = (_insideNorm, _insideBars);
        // Inside "||…||" a bar only closes, as inside "|…|".
        (_insideNorm, _insideBars) = (true, wasInsideBars || doubled);
        var inner = ParseComparison();
        (_insideNorm, _insideBars) = (wasInsideNorm, wasInsideBars);
        if (doubled ? Current.Kind != TokenKind.Bar : Current.Kind != TokenKind.DoubleBar)
        {
            var mark = doubled ? "||" : "‖";
            throw Current.Kind == TokenKind.End ? Fail($"expected '{mark}' to close '{mark}'", open.Position) : Unexpected(Current);
        }
        Advance();
        if (doubled)
        {
            Advance();
        }
        _depth--;
        Expression norm = new CallExpression("norm", [inner], open.Position);
        SkipEuclideanSubscript();
        // "‖x‖^2_2" as LaTeX writes the squared 2-norm.
        if (Current.Kind == TokenKind.Caret && _tokens[_index + 1].Kind == TokenKind.Number && IsNormSubscript(_tokens[_index + 2]))
        {
            var caret = Advance();
            var exponent = Advance();
            norm = new BinaryExpression(BinaryOperator.Power, norm, new NumberExpression(exponent.Number, exponent.Position), caret.Position);
            SkipEuclideanSubscript();
        }
        return norm;
    }

    private static bool IsNormSubscript(Token token) => token.Kind == TokenKind.Identifier && token.Text.StartsWith('_');

    // "_2" and "_F" name the norm that norm() is; any other ("_1", "_inf") is a norm the grader does not compute.
    private void SkipEuclideanSubscript()
    {
        if (!IsNormSubscript(Current))
        {
            return;
        }
        if (Current.Text is not ("_2" or "_F"))
        {
            throw Fail($"only the Euclidean (Frobenius) norm is read: write ‖…‖, ‖…‖_2 or ‖…‖_F, not ‖…‖{Current.Text}", Current.Position);
        }
        Advance();
    }
}
