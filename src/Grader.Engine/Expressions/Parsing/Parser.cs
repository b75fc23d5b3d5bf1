using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// Recursive descent over the tokens, loosest first: comparison, + -, * / .* (and implicit products), unary sign, ^ (right
/// associative), postfix transpose, primary. Every level that can recurse without consuming a closing token counts depth.
/// Groups (parentheses, brackets, bars, calls) are in Parser.Groups.cs, names in Parser.Names.cs.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly DeclaredNames? _declared;
    private int _index;
    private int _depth;

    // The token index right after the last variable or "^T": an identifier there may be followed by an implicit product.
    private int _productMayFollowAt = -1;

    // The token index right after a prime on a declared variable: a '(' there starts a product, not a derivative's argument.
    private int _primedVariableEnd = -1;

    /// <summary>The refusal of a prime before '(' that may be a derivative: "f'(x)", or "x'(y)" for a scalar x.</summary>
    internal const string AmbiguousPrime = "'(' after ''' is ambiguous (transpose or derivative?): write * or ᵀ";

    private Parser(List<Token> tokens, DeclaredNames? declared)
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
        var names = declared is null ? null : new DeclaredNames(declared);
        var parser = new Parser(names is null ? tokens : SplitRuns(tokens, names), names);
        var expression = parser.ParseConditional();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current);
        }
        return expression;
    }

    // Python's "a if c else b", loosest of all, as students copy it from code.
    private Expression ParseConditional()
    {
        var whenTrue = ParseComparison();
        if (Current is not { Kind: TokenKind.Identifier, Text: "if" })
        {
            return whenTrue;
        }
        var keyword = Advance();
        Enter(keyword.Position);
        var condition = ParseComparison();
        if (Current is not { Kind: TokenKind.Identifier, Text: "else" })
        {
            throw Fail("expected 'else' after 'a if condition'", Current.Position);
        }
        Advance();
        var whenFalse = ParseConditional();
        _depth--;
        return FunctionForms.Where(condition, whenTrue, whenFalse, keyword.Position);
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
            if (token.Kind is TokenKind.Star or TokenKind.NumpyStar or TokenKind.Slash or TokenKind.DotStar)
            {
                Advance();
                var kind = token.Kind switch
                {
                    TokenKind.Star or TokenKind.NumpyStar => BinaryOperator.Multiply,
                    TokenKind.Slash => BinaryOperator.Divide,
                    _ => BinaryOperator.ElementwiseMultiply,
                };
                left = NotationOf(token) is not ProductNotation.Plain and var notation
                    ? new BinaryExpression(kind, left, ParseUnary(), token.Position) { Notation = notation }
                    : Product(kind, left, ParseUnary(), token.Position);
            }
            else if (ImplicitProductFollows())
            {
                left = Product(BinaryOperator.Multiply, left, ParseUnary(), token.Position);
            }
            else
            {
                return left;
            }
        }
    }

    // "1ᵀv" (and \mathbf{1}^\top v) is the sum of v's entries; any other product as written.
    private static Expression Product(BinaryOperator kind, Expression left, Expression right, int position) =>
        kind == BinaryOperator.Multiply && left is TransposeExpression { Operand: NumberExpression { Value: 1 } }
            ? new CallExpression("sum", [right], position)
            : new BinaryExpression(kind, left, right, position);

    // "u · v" and "u \cdot v" between two vectors of one size is their dot product (numpy's dot: otherwise the product).
    private static ProductNotation NotationOf(Token token) => token switch
    {
        { Kind: TokenKind.Star, Text: "·" or "⋅" } => ProductNotation.Dot,
        { Kind: TokenKind.NumpyStar } => ProductNotation.Numpy,
        _ => ProductNotation.Plain,
    };

    // Only where no other reading exists: "2x", "2(x+1)", "(a)(b)", "(a)b", "x(1-x)" and "A x" for declared x and A, "bᵀσ(z)",
    // "2|x|". Never before a number: "x 2" and "(a)2" may mean a power or a subscript.
    private bool ImplicitProductFollows()
    {
        var next = Current;
        var opens = next.Kind is TokenKind.LeftParen or TokenKind.LeftBracket || (next.Kind == TokenKind.Bar && !_insideBars)
            || (next.Kind == TokenKind.DoubleBar && !_insideNorm);
        if ((!opens && next.Kind != TokenKind.Identifier) || next is { Kind: TokenKind.Identifier, Text: "if" or "else" })
        {
            return false;
        }
        var previous = Previous;
        if (IsPrime(previous) && next.Kind == TokenKind.LeftParen && _index != _primedVariableEnd)
        {
            // "f'(x)" is how students write a derivative; only ᵀ, ^T, .T and a prime on a declared variable ("W2'(…)")
            // read unambiguously as a transpose here.
            throw Fail($"'(' after {previous.Describe()} is ambiguous (transpose or derivative?): write * or ᵀ", next.Position);
        }
        // A bar before an operand is always a closing one: an opening bar is followed by its contents.
        return previous.Kind is TokenKind.Number or TokenKind.RightParen or TokenKind.RightBracket or TokenKind.Bar or TokenKind.DoubleBar
                or TokenKind.Transpose
            || (previous.Kind == TokenKind.Identifier && _index == _productMayFollowAt);
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
                var prime = Advance();
                // "W2'(…)" on a declared variable is Wᵀ times (…); evaluation refuses it if W2 turns out to be a scalar.
                var primedVariable = IsPrime(prime) && operand is VariableExpression && _declared is not null
                    && Current.Kind == TokenKind.LeftParen;
                operand = new TransposeExpression(operand, prime.Position, primedVariable ? Current.Position : 0);
                _primedVariableEnd = primedVariable ? _index : _primedVariableEnd;
            }
            else if (Current.Kind == TokenKind.Caret && IsTransposeLetter(_tokens[_index + 1]))
            {
                operand = new TransposeExpression(operand, Advance().Position);
                Advance();
                _productMayFollowAt = _index;
            }
            else
            {
                return operand;
            }
        }
    }

    private static bool IsPrime(Token token) => token.Kind == TokenKind.Transpose && token.Text is "'" or "’" or "′";

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
            case TokenKind.LeftParen or TokenKind.LeftBracket:
                return ParseGroup(token);
            case TokenKind.Bar:
                return ParseAbsoluteValue(token);
            case TokenKind.DoubleBar when !_insideNorm:
                return ParseNorm(token);
            default:
                throw Unexpected(token);
        }
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
