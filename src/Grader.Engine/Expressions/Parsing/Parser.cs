using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// Recursive descent over the tokens, loosest first: comparison, + -, * / .* (and implicit products), unary sign, ^ (right
/// associative), postfix transpose, primary. Every level that can recurse without consuming a closing token counts depth.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly HashSet<string>? _declared;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens, HashSet<string>? declared)
    {
        _tokens = tokens;
        _declared = declared;
    }

    private Token Current => _tokens[_index];

    private Token Previous => _tokens[_index - 1];

    public static Expression Parse(string text, HashSet<string>? declared)
    {
        if (text.Length > ExpressionLimits.MaxLength)
        {
            throw Fail($"expression is too long ({text.Length} characters, at most {ExpressionLimits.MaxLength})", 0);
        }
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 1)
        {
            throw Fail("expression is empty", 1);
        }
        var parser = new Parser(tokens, declared);
        var expression = parser.ParseComparison();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current);
        }
        return expression;
    }

    private Expression ParseComparison()
    {
        var left = ParseAdditive();
        while (Current.Kind is TokenKind.Less or TokenKind.Greater or TokenKind.LessOrEqual or TokenKind.GreaterOrEqual)
        {
            var op = Advance();
            var kind = op.Kind switch
            {
                TokenKind.Less => BinaryOperator.Less,
                TokenKind.Greater => BinaryOperator.Greater,
                TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
                _ => BinaryOperator.GreaterOrEqual,
            };
            left = new BinaryExpression(kind, left, ParseAdditive(), op.Position);
        }
        return left;
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpression(kind, left, ParseMultiplicative(), op.Position);
        }
        return left;
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            var token = Current;
            if (token.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.DotStar)
            {
                Advance();
                var kind = token.Kind switch
                {
                    TokenKind.Star => BinaryOperator.Multiply,
                    TokenKind.Slash => BinaryOperator.Divide,
                    _ => BinaryOperator.ElementwiseMultiply,
                };
                left = new BinaryExpression(kind, left, ParseUnary(), token.Position);
            }
            else if (ImplicitProductFollows())
            {
                left = new BinaryExpression(BinaryOperator.Multiply, left, ParseUnary(), token.Position);
            }
            else
            {
                return left;
            }
        }
    }

    // Only where no other reading exists: "2x", "2(x+1)", "(a)(b)", "(a)b" and "x(1-x)" for a declared x.
    private bool ImplicitProductFollows()
    {
        var next = Current.Kind;
        if (next is not (TokenKind.Identifier or TokenKind.LeftParen))
        {
            return false;
        }
        var previous = Previous;
        return previous.Kind is TokenKind.Number or TokenKind.RightParen
            || (previous.Kind == TokenKind.Identifier && next == TokenKind.LeftParen && IsDeclared(previous.Text));
    }

    private Expression ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Minus or TokenKind.Plus))
        {
            return ParsePower();
        }
        var sign = Advance();
        Enter(sign.Position);
        var operand = ParseUnary();
        _depth--;
        return sign.Kind == TokenKind.Minus ? new NegateExpression(operand, sign.Position) : operand;
    }

    private Expression ParsePower()
    {
        var @base = ParsePostfix();
        if (Current.Kind != TokenKind.Caret)
        {
            return @base;
        }
        var caret = Advance();
        Enter(caret.Position);
        var exponent = ParseUnary();
        _depth--;
        return new BinaryExpression(BinaryOperator.Power, @base, exponent, caret.Position);
    }

    private Expression ParsePostfix()
    {
        var operand = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.Transpose)
            {
                operand = new TransposeExpression(operand, Advance().Position);
            }
            else if (Current.Kind == TokenKind.Caret && IsTransposeLetter(_tokens[_index + 1]))
            {
                operand = new TransposeExpression(operand, Advance().Position);
                Advance();
            }
            else
            {
                return operand;
            }
        }
    }

    private bool IsTransposeLetter(Token token) => token.Kind == TokenKind.Identifier && token.Text == "T" && !IsDeclared("T");

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberExpression(token.Number, token.Position);
            case TokenKind.Identifier:
                Advance();
                return ParseName(token);
            case TokenKind.LeftParen:
                Advance();
                Enter(token.Position);
                if (Current.Kind == TokenKind.RightParen)
                {
                    throw Unexpected(Current);
                }
                var inner = ParseComparison();
                ExpectClosing(token);
                _depth--;
                return inner;
            default:
                throw Unexpected(token);
        }
    }

    private Expression ParseName(Token token)
    {
        var name = token.Text == "π" ? "pi" : token.Text;
        if (IsDeclared(name))
        {
            return new VariableExpression(name, token.Position);
        }
        if (KnownFunctions.TryFind(name, out var function, out var minArguments, out var maxArguments))
        {
            if (Current.Kind != TokenKind.LeftParen)
            {
                throw Fail($"expected '(' after '{name}'", Current.Position);
            }
            return ParseCall(token, function, minArguments, maxArguments);
        }
        if (ConstantExpression.TryFind(name, out var value))
        {
            return new ConstantExpression(name, value, token.Position);
        }
        if (Current.Kind == TokenKind.LeftParen)
        {
            throw Fail($"unknown function '{name}'", token.Position);
        }
        if (_declared is not null)
        {
            throw Fail($"unknown variable '{name}'", token.Position);
        }
        return new VariableExpression(name, token.Position);
    }

    private Expression ParseCall(Token name, string function, int minArguments, int maxArguments)
    {
        var open = Advance();
        Enter(open.Position);
        var arguments = new List<Expression>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseComparison());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseComparison());
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
            : new CallExpression(function, arguments, name.Position);
    }

    private void ExpectClosing(Token open)
    {
        if (Current.Kind == TokenKind.RightParen)
        {
            Advance();
            return;
        }
        throw Current.Kind == TokenKind.End ? Fail("expected ')' to close '('", open.Position) : Unexpected(Current);
    }

    private void Enter(int position)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            throw Fail("expression nests too deeply", position);
        }
    }

    private bool IsDeclared(string name) => _declared is not null && _declared.Contains(name);

    private Token Advance() => _tokens[_index++];

    private static ExpressionException Unexpected(Token token) => Fail($"unexpected {token.Describe()}", token.Position);

    private static ExpressionException Fail(string message, int position) => new(new ExpressionError(message, position));
}
