using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>The parser's names: declared variables, functions, constants and undeclared names read as declared ones.</summary>
internal sealed partial class Parser
{
    private Expression ParseName(Token token)
    {
        var name = token.Text == "π" ? "pi" : token.Text;
        if (IsDeclared(name))
        {
            return Variable(name, token.Position);
        }
        if (LayerFollows(name, out var layer))
        {
            _index += 4;
            return Variable(layer, token.Position);
        }
        var call = Current.Kind == TokenKind.LeftParen;
        var poweredCall = !call && PoweredCallFollows();
        if (KnownFunctions.TryFind(name, call || poweredCall, out var function, out var minArguments, out var maxArguments))
        {
            if (poweredCall)
            {
                return ParsePoweredCall(token, function, minArguments, maxArguments);
            }
            if (!call && IsPrime(Current))
            {
                // "σ'(z)" is the derivative of a function, which only an answer written out can be graded on.
                throw Fail($"'{token.Text}'' is a derivative, which the grader cannot evaluate: write it out", Current.Position);
            }
            if (!call)
            {
                throw Fail($"expected '(' after '{name}'", Current.Position);
            }
            return ParseCall(token, function, minArguments, maxArguments);
        }
        if (ConstantExpression.TryFind(Namespaces.TryStrip(name, out var member) ? member : name, out var value))
        {
            // "2π x" and "e x" are products, as after a variable; "e(1)" stays refused as a call of a constant.
            _productMayFollowAt = call ? _productMayFollowAt : _index;
            return new ConstantExpression(member, value, token.Position);
        }
        if (_declared is not null && _declared.TryResolve(name, out var declared))
        {
            return Variable(declared, token.Position);
        }
        if (call)
        {
            throw Fail($"unknown function '{name}'", token.Position);
        }
        if (_declared is not null && IsPrime(Current) && _tokens[_index + 1].Kind == TokenKind.LeftParen)
        {
            throw Fail($"'{name}'(…)' reads as a derivative, which the grader cannot evaluate: write it out", token.Position);
        }
        if (_declared is not null)
        {
            throw Fail($"unknown variable '{name}'", token.Position);
        }
        return new VariableExpression(name, token.Position);
    }

    // "W⁽¹⁾" and "W^{(1)}" are the declared W1 of the handouts when W itself is not declared; otherwise a power, as written.
    private bool LayerFollows(string name, out string layer)
    {
        layer = "";
        if (_declared is null || Current.Kind != TokenKind.Caret || Current.Text != "⁽" || _declared.TryResolve(name, out _))
        {
            return false;
        }
        return _declared.TryResolve(name + _tokens[_index + 2].Text, out layer);
    }

    // "tanh^2(z)", "tanh²(z)" and LaTeX's "\tanh^{2}(z)" are the square of the call, as every handout writes it.
    private bool PoweredCallFollows() =>
        Current.Kind == TokenKind.Caret && _tokens[_index + 1].Kind == TokenKind.Number
        && _index + 2 < _tokens.Count && _tokens[_index + 2].Kind == TokenKind.LeftParen;

    private BinaryExpression ParsePoweredCall(Token name, string function, int minArguments, int maxArguments)
    {
        var caret = Advance();
        var exponent = Advance();
        var call = ParseCall(name, function, minArguments, maxArguments);
        return new BinaryExpression(BinaryOperator.Power, call, new NumberExpression(exponent.Number, exponent.Position), caret.Position);
    }

    // "Ax" becomes the tokens "A" "x" before parsing, so it is the product "A x" with its precedence: "Ax^2" is A·x².
    private static List<Token> SplitRuns(List<Token> tokens, DeclaredNames declared)
    {
        var split = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Identifier || IsReadAsWritten(token.Text, tokens[i + 1], declared)
                || !declared.TrySplit(token.Text, out var pieces))
            {
                split.Add(token);
                continue;
            }
            foreach (var (piece, offset) in pieces)
            {
                split.Add(new Token(TokenKind.Identifier, piece, token.Position + offset));
            }
        }
        if (split.Count - 1 > ExpressionLimits.MaxTokens)
        {
            throw Fail($"expression has too many tokens (more than {ExpressionLimits.MaxTokens})", 0);
        }
        return split;
    }

    // The names ParseName reads as written, and names right before "(", which look like calls: "sinh(x)" is never s·i·n·h.
    private static bool IsReadAsWritten(string name, Token next, DeclaredNames declared) =>
        next.Kind == TokenKind.LeftParen
        || declared.TryResolve(name, out _)
        || KnownFunctions.TryFind(name, beforeParenthesis: false, out _, out _, out _)
        || ConstantExpression.TryFind(name, out _);

    private VariableExpression Variable(string name, int position)
    {
        _productMayFollowAt = _index;
        return new VariableExpression(name, position);
    }
}
