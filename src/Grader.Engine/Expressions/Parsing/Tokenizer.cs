using System.Globalization;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>Splits an answer into tokens, accepting the Unicode operators students paste from notes and slides.</summary>
internal static class Tokenizer
{
    /// <summary>The tokens of an answer, LaTeX read as the plain syntax; every position is one in <paramref name="text"/>.</summary>
    public static List<Token> Tokenize(string text)
    {
        if (!LatexReader.Applies(text))
        {
            return TokenizePlain(text);
        }
        var source = LatexReader.Read(text);
        try
        {
            return TokenizePlain(source.Text).ConvertAll(token => token with { Position = source.OriginalPosition(token.Position) });
        }
        catch (ExpressionException exception)
        {
            throw new ExpressionException(exception.Error with { Position = source.OriginalPosition(exception.Error.Position) });
        }
    }

    private static List<Token> TokenizePlain(string text)
    {
        var tokens = new List<Token>();
        var numpy = IsNumpy(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (tokens.Count >= ExpressionLimits.MaxTokens)
            {
                throw Fail($"expression has too many tokens (more than {ExpressionLimits.MaxTokens})", 0);
            }
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                tokens.Add(NumberToken(text, start, i));
            }
            else if (IsIdentifierStart(c))
            {
                i = ScanIdentifier(text, i + 1);
                // "np.exp" is one name, so numpy's functions read as ours (Namespaces strips the prefix).
                if (Namespaces.StartsMember(text[start..i], text, i))
                {
                    i = ScanIdentifier(text, i + 1);
                }
                tokens.Add(new Token(TokenKind.Identifier, AsciiSubscripts(text[start..i]), start + 1));
            }
            else if (SuperscriptDigit(c) >= 0 || (c == '⁻' && i + 1 < text.Length && SuperscriptDigit(text[i + 1]) >= 0))
            {
                i = AddSuperscript(tokens, text, i);
            }
            else if (c == '⁽')
            {
                i = AddLayer(tokens, text, i);
            }
            else if (VulgarFraction(c) is ({ } numerator, { } denominator))
            {
                if (i > 0 && char.IsAsciiDigit(text[i - 1]))
                {
                    throw Fail($"'{text[(i - 1)..(i + 1)]}' is ambiguous (a mixed number or a product?): write it with + or *", i);
                }
                // "½" is (1/2), so "½x" and "½(z + |z|)" are products as written.
                tokens.Add(new Token(TokenKind.LeftParen, "(", start + 1));
                tokens.Add(new Token(TokenKind.Number, numerator.ToString(CultureInfo.InvariantCulture), start + 1, numerator));
                tokens.Add(new Token(TokenKind.Slash, "/", start + 1));
                tokens.Add(new Token(TokenKind.Number, denominator.ToString(CultureInfo.InvariantCulture), start + 1, denominator));
                tokens.Add(new Token(TokenKind.RightParen, ")", start + 1));
                i++;
            }
            else
            {
                var (kind, length) = Operator(text, i);
                i += length;
                // In an answer written in numpy (np. or @), "*" is what numpy means by it: the element-wise product.
                kind = kind == TokenKind.Star && text[start] == '*' && numpy ? TokenKind.NumpyStar : kind;
                tokens.Add(new Token(kind, text[start..i], start + 1));
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    // ".T" alone does not switch: students write "W*x" for the product beside numpy's ".T" (both read as meant).
    private static bool IsNumpy(string text) =>
        text.Contains("np.", StringComparison.Ordinal) || text.Contains("numpy.", StringComparison.Ordinal)
        || text.Contains('@', StringComparison.Ordinal);

    private static (double? Numerator, double? Denominator) VulgarFraction(char c) => c switch
    {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅙' => (1, 6),
        '⅛' => (1, 8),
        _ => (null, null),
    };

    private static int ScanIdentifier(string text, int i)
    {
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }
        return i;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        // "2." is a number but "2.*x", "2.^x" and "2./x" keep their element-wise operators.
        if (i < text.Length && text[i] == '.' && !(i + 1 < text.Length && text[i + 1] is '*' or '^' or '/'))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        // An exponent only when digits follow, so "2e" stays 2·e.
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-' or '−')
            {
                j++;
            }
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }
        return i;
    }

    private static Token NumberToken(string text, int start, int end)
    {
        var literal = text[start..end];
        var value = double.Parse(literal.Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw Fail($"number '{literal}' is out of range", start + 1);
        }
        return new Token(TokenKind.Number, literal, start + 1, value);
    }

    // "x²", "x¹⁰" and "10⁻⁷" are powers, as pasted from notes.
    private static int AddSuperscript(List<Token> tokens, string text, int i)
    {
        var start = i;
        tokens.Add(new Token(TokenKind.Caret, text[start..(start + 1)], start + 1));
        if (text[i] == '⁻')
        {
            tokens.Add(new Token(TokenKind.Minus, "⁻", start + 1));
            i++;
        }
        var digits = i;
        var value = 0.0;
        while (i < text.Length && SuperscriptDigit(text[i]) >= 0)
        {
            value = value * 10 + SuperscriptDigit(text[i]);
            i++;
        }
        tokens.Add(new Token(TokenKind.Number, text[digits..i], digits + 1, value));
        return i;
    }

    // "W⁽¹⁾" (and LaTeX's "W^{(1)}", which the reader writes as "W⁽1⁾") is the layer superscript of the handouts: the tokens
    // of a power "^(1)" whose caret is marked "⁽", so the parser can read it as a declared W1 and otherwise as the power.
    private static int AddLayer(List<Token> tokens, string text, int open)
    {
        var i = open + 1;
        var index = new System.Text.StringBuilder();
        while (i < text.Length && (SuperscriptDigit(text[i]) >= 0 || char.IsAsciiLetterOrDigit(text[i])))
        {
            index.Append(SuperscriptDigit(text[i]) >= 0 ? (char)('0' + SuperscriptDigit(text[i])) : text[i]);
            i++;
        }
        if (index.Length == 0 || i >= text.Length || text[i] != '⁾')
        {
            throw Fail("expected a layer number and '⁾' after '⁽', as in W⁽¹⁾", open + 1);
        }
        var literal = index.ToString();
        tokens.Add(new Token(TokenKind.Caret, "⁽", open + 1));
        tokens.Add(new Token(TokenKind.LeftParen, "⁽", open + 1));
        tokens.Add(literal.All(char.IsAsciiDigit)
            ? new Token(TokenKind.Number, literal, open + 2, double.Parse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture))
            : new Token(TokenKind.Identifier, literal, open + 2));
        tokens.Add(new Token(TokenKind.RightParen, "⁾", i + 1));
        return i + 1;
    }

    private static int SuperscriptDigit(char c) => c switch
    {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        >= '⁴' and <= '⁹' => c - '⁴' + 4,
        _ => -1,
    };

    private static bool IsSubscriptDigit(char c) => c is >= '₀' and <= '₉';

    // "w₁" is the variable w1.
    private static string AsciiSubscripts(string name)
    {
        if (!name.AsSpan().ContainsAnyInRange('₀', '₉'))
        {
            return name;
        }
        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = IsSubscriptDigit(source[i]) ? (char)('0' + source[i] - '₀') : source[i];
            }
        });
    }

    // σ, π, Σ and ᵀ are letters to .NET but stand alone here, so "σ(z)", "2π" and "Aᵀ" split as students mean them.
    private static bool IsStandalone(char c) => c is 'σ' or 'π' or 'ᵀ' or 'Σ';

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsAsciiLetter(c) || (char.IsLetter(c) && !IsStandalone(c));

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || IsSubscriptDigit(c);

    private static (TokenKind Kind, int Length) Operator(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            'σ' or 'π' or '∑' or 'Σ' => (TokenKind.Identifier, 1),
            '+' => (TokenKind.Plus, 1),
            '-' or '−' or '–' => (TokenKind.Minus, 1),
            '*' when next == '*' => (TokenKind.Caret, 2),
            // numpy's "@" is the matrix product, which "*" already is.
            '*' or '·' or '⋅' or '×' or '∗' or '@' => (TokenKind.Star, 1),
            '⊙' or '∘' => (TokenKind.DotStar, 1),
            '.' when next == '*' => (TokenKind.DotStar, 2),
            '.' when next == '^' => (TokenKind.Caret, 2),
            // "/" is already element-wise, so MATLAB's "./" is the same operator.
            '.' when next == '/' => (TokenKind.Slash, 2),
            // numpy's ".T", but not the start of a name such as ".Tx".
            '.' when next == 'T' && !(i + 2 < text.Length && IsIdentifierPart(text[i + 2])) => (TokenKind.Transpose, 2),
            '/' or '÷' => (TokenKind.Slash, 1),
            '^' => (TokenKind.Caret, 1),
            '\'' or '’' or '′' or 'ᵀ' => (TokenKind.Transpose, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            '|' => (TokenKind.Bar, 1),
            '‖' => (TokenKind.DoubleBar, 1),
            ',' => (TokenKind.Comma, 1),
            '<' when next == '=' => (TokenKind.LessOrEqual, 2),
            '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' => (TokenKind.Greater, 1),
            '≤' => (TokenKind.LessOrEqual, 1),
            '≥' => (TokenKind.GreaterOrEqual, 1),
            _ => throw Fail($"unexpected character {Character(text, i)}", i + 1),
        };
    }

    // The whole character at i: a surrogate pair ("𝟙", "😀") is quoted as one, never cut in half; a lone surrogate or a
    // control character is named by its code, since the message is stored and shown, and half a pair cannot be.
    private static string Character(string text, int i) =>
        char.IsSurrogatePair(text, i) ? $"'{text.Substring(i, 2)}'"
        : char.IsSurrogate(text[i]) || char.IsControl(text[i]) ? $"U+{(int)text[i]:X4}"
        : $"'{text[i]}'";

    private static ExpressionException Fail(string message, int position) => new(new ExpressionError(message, position));
}
