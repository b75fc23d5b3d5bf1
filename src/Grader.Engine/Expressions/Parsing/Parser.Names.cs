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
        if (IndexedName(name) is { } indexed)
        {
            var variable = Variable(indexed, token.Position);
            _indexed.Add(variable);
            return variable;
        }
        if (LayerFollows(name, out var layer))
        {
            _index += 4;
            return Variable(layer, token.Position);
        }
        var call = Current.Kind == TokenKind.LeftParen;
        var poweredCall = !call && PoweredCallFollows();
        var primedCall = IsPrime(Current) && _tokens[_index + 1].Kind == TokenKind.LeftParen;
        if (KnownFunctions.TryFind(name, call || poweredCall || primedCall, out var function, out var minArguments, out var maxArguments))
        {
            if (poweredCall)
            {
                return ParsePoweredCall(token, function, minArguments, maxArguments);
            }
            if (!call && IsPrime(Current))
            {
                return ParseDerivative(token, function);
            }
            if (!call && function == "sum" && token.Text is "Σ" or "∑")
            {
                return ParseSumSign(token);
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

    // "σ'(z)", "\\sigma'(z)", "tanh′(u)", "relu'(u)": the derivative of a known function, written out by FunctionForms.
    private Expression ParseDerivative(Token token, string function)
    {
        var prime = Advance();
        if (Current.Kind != TokenKind.LeftParen)
        {
            throw Fail($"expected '(' after '{token.Text}''", Current.Position);
        }
        if (ParseCall(token, function, 1, 1) is not CallExpression { Arguments.Count: 1 } call
            || FunctionForms.Derivative(function, call.Arguments[0], token.Position) is not { } derivative)
        {
            throw Fail($"'{token.Text}'' is a derivative the grader does not know: write it out", prime.Position);
        }
        return derivative;
    }

    private Expression ParseSummand()
    {
        var term = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.NumpyStar or TokenKind.DotStar
            || (Current.Kind != TokenKind.Slash && ImplicitProductFollows()))
        {
            var op = Current.Kind is TokenKind.Star or TokenKind.NumpyStar or TokenKind.DotStar ? Advance() : Current;
            var kind = op.Kind == TokenKind.DotStar ? BinaryOperator.ElementwiseMultiply : BinaryOperator.Multiply;
            term = new BinaryExpression(kind, term, ParseUnary(), op.Position) { Notation = NotationOf(op) };
        }
        return term;
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
            if (TransposeRunFollows(tokens, i, declared))
            {
                // LaTeX's "^T" is "^{T}": in "W_2^TW_2" and "x^Ty" the T is the transpose and the rest the next factor.
                split.Add(new Token(TokenKind.Identifier, "T", token.Position));
                token = new Token(TokenKind.Identifier, token.Text[1..], token.Position + 1);
            }
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

    private static bool TransposeRunFollows(List<Token> tokens, int i, DeclaredNames declared) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Caret && tokens[i - 1].Text == "^"
        && tokens[i] is { Kind: TokenKind.Identifier, Text: ['T', _, ..] } run
        && !declared.Contains("T") && !declared.TryResolve(run.Text, out _)
        && (declared.TryResolve(run.Text[1..], out _) || declared.TrySplit(run.Text[1..], out _));

    // The names ParseName reads as written, and names right before "(", which look like calls: "sinh(x)" is never s·i·n·h.
    private static bool IsReadAsWritten(string name, Token next, DeclaredNames declared) =>
        next.Kind == TokenKind.LeftParen
        || name is "if" or "else"
        || declared.TryResolve(name, out _)
        || KnownFunctions.TryFind(name, beforeParenthesis: false, out _, out _, out _)
        || ConstantExpression.TryFind(name, out _);

    private VariableExpression Variable(string name, int position)
    {
        _productMayFollowAt = _index;
        return new VariableExpression(name, position);
    }
}
