namespace Grader.Engine.Expressions.Parsing;

/// <summary>The LaTeX reader's commands with arguments: fractions, roots, wrappers, sized delimiters, super- and subscripts.</summary>
internal sealed partial class LatexReader
{
    // An argument is a "{…}" group, one letter or digit ("\frac12"), or one command ("\frac\pi2").
    private readonly record struct Argument(int Start, int End, int Next, bool Braced);

    private Argument? ReadArgument(int i, int end)
    {
        i = SkipSpaces(i, end);
        if (i >= end)
        {
            return null;
        }
        var c = _text[i];
        if (c == '{')
        {
            var close = Closing(i, end);
            return _text.AsSpan(i + 1, close - i - 1).IsWhiteSpace()
                ? throw Fail("'{}' is an empty argument", i)
                : new Argument(i + 1, close, close + 1, Braced: true);
        }
        if (char.IsAsciiLetterOrDigit(c))
        {
            return new Argument(i, i + 1, i + 1, Braced: false);
        }
        if (c == '\\' && i + 1 < end && char.IsAsciiLetter(_text[i + 1]))
        {
            var (_, next) = CommandName(i, end);
            return new Argument(i, next, next, Braced: false);
        }
        return null;
    }

    // "\frac{a}{b}" is ((a)/(b)), so it binds as tightly as the fraction bar shows.
    private int Fraction(string name, int at, int next, int end)
    {
        var missing = $@"'\{name}' needs two arguments {{…}}{{…}}";
        var numerator = ReadArgument(next, end) ?? throw Fail(missing, at);
        var denominator = ReadArgument(numerator.Next, end) ?? throw Fail(missing, at);
        Emit("((", at);
        EmitNested(numerator.Start, numerator.End);
        Emit(")/(", at);
        EmitNested(denominator.Start, denominator.End);
        Emit("))", at);
        return denominator.Next;
    }

    // "\sqrt{x}" is sqrt(x) and "\sqrt[n]{x}" is ((x)^(1/(n))).
    private int Root(int at, int next, int end)
    {
        var i = SkipSpaces(next, end);
        var index = (Start: -1, End: -1);
        if (i < end && _text[i] == '[')
        {
            var close = _text.IndexOf(']', i, end - i);
            index = close < 0 ? throw Fail(@"expected ']' to close the index of '\sqrt'", i) : (i + 1, close);
            next = close + 1;
        }
        var radicand = ReadArgument(next, end) ?? throw Fail(@"'\sqrt' needs an argument {…}", at);
        Emit(index.Start < 0 ? " sqrt(" : " ((", at);
        EmitNested(radicand.Start, radicand.End);
        if (index.Start >= 0)
        {
            Emit(")^(1/(", at);
            EmitNested(index.Start, index.End);
            Emit("))", at);
        }
        Emit(')', radicand.Next - 1);
        return radicand.Next;
    }

    // "\mathrm{ReLU}(z)", "\operatorname{relu}(z)", "\mathbf{W}": the argument as written, a name on its own.
    private int Wrapper(string name, int at, int next, int end)
    {
        var argument = ReadArgument(next, end) ?? throw Fail($@"'\{name}' needs an argument {{…}}", at);
        if (LatexCommands.IsIndicator(name, _text.AsSpan(argument.Start, argument.End - argument.Start).Trim(), FollowedBySubscript(argument.Next, end)))
        {
            return Indicator(at, argument.Next, end);
        }
        Emit(' ', at);
        EmitNested(argument.Start, argument.End);
        if (argument.Next >= _text.Length || _text[argument.Next] != '_')
        {
            Emit(' ', at);
        }
        return argument.Next;
    }

    // The indicator 𝟙 is 1 times the comparison it is applied to: "\mathbb{1}_{z<0}", "\mathbb{1}\{z<0\}", "\mathbb{1}[z<0]".
    private int Indicator(int at, int next, int end)
    {
        // "(1)", so that a product may come before it: "z\mathbb{1}[z>0]".
        Emit(" (1) ", at);
        var i = SkipSpaces(next, end);
        if (i + 1 < end && _text[i] == '_' && _text[i + 1] == '{')
        {
            var close = Closing(i + 1, end);
            Emit("*(", i);
            EmitNested(i + 2, close);
            Emit(')', close);
            return close + 1;
        }
        return next;
    }

    // "\left(", "\right]", "\left\{", "\bigl|", "\left." (no delimiter).
    private int Delimiter(string name, int at, int next, int end)
    {
        var i = SkipSpaces(next, end);
        var missing = $@"expected a delimiter after '\{name}'";
        if (i >= end)
        {
            throw Fail(missing, at);
        }
        if (_text[i] is '(' or ')' or '[' or ']' or '|')
        {
            Emit(_text[i], i);
            return i + 1;
        }
        if (_text[i] == '.')
        {
            Emit(' ', i);
            return i + 1;
        }
        if (_text[i] == '\\')
        {
            var (delimiter, after) = CommandName(i, end);
            if (LatexCommands.Symbols.TryGetValue(delimiter, out var symbol) && symbol is "(" or ")" or "[" or "]" or "|" or "‖")
            {
                Emit(symbol, i);
                return after;
            }
        }
        throw Fail(missing, at);
    }

    // "W^{\top}", "W^\intercal" and "W^{\mathsf{T}}" are Wᵀ; "W^{T}" is W^T, which is Wᵀ unless a part declares T.
    private int Superscript(int caret, int end)
    {
        if (ReadArgument(caret + 1, end) is { } argument)
        {
            var written = _text[argument.Start..argument.End].Trim();
            if (LatexCommands.IsTransposeMark(written))
            {
                Emit('ᵀ', caret);
                return argument.Next;
            }
            if (written is @"\prime" or "'")
            {
                Emit('\'', caret);
                return argument.Next;
            }
            if (argument.Braced && Layer(argument))
            {
                return argument.Next;
            }
            // "x^{2}" is x^2 as written, so that "\tanh^{2}(z)" reads as tanh²(z).
            if (argument.Braced && written.Length > 0 && written.All(char.IsAsciiDigit))
            {
                Emit('^', caret);
                for (var j = argument.Start; j < argument.End; j++)
                {
                    if (!char.IsWhiteSpace(_text[j]))
                    {
                        Emit(_text[j], j);
                    }
                }
                Emit(' ', argument.Next - 1);
                return argument.Next;
            }
            if (written == "T" && argument.Braced)
            {
                Emit("^ T ", caret);
                return argument.Next;
            }
        }
        Emit('^', caret);
        return caret + 1;
    }

    // "W^{(1)}" and "W^{[1]}" are written "W⁽1⁾", which the parser reads as a declared W1 (or else as the power W^(1));
    // "W^{(1)T}" and "W^{(1)\top}" are its transpose. Emits it and returns true, or emits nothing for any other superscript.
    private bool Layer(Argument argument)
    {
        var i = SkipSpaces(argument.Start, argument.End);
        if (i >= argument.End || _text[i] is not ('(' or '['))
        {
            return false;
        }
        var close = _text.IndexOf(_text[i] == '(' ? ')' : ']', i, argument.End - i);
        var inner = close < 0 ? default : _text.AsSpan(i + 1, close - i - 1).Trim();
        if (inner.IsEmpty || inner.ContainsAnyExcept(_asciiLettersAndDigits))
        {
            return false;
        }
        var mark = _text[(close + 1)..argument.End].Trim();
        if (mark.Length > 0 && mark != "T" && !LatexCommands.IsTransposeMark(mark))
        {
            return false;
        }
        Emit('⁽', i);
        for (var j = i + 1; j < close; j++)
        {
            if (!char.IsWhiteSpace(_text[j]))
            {
                Emit(_text[j], j);
            }
        }
        Emit('⁾', close);
        if (mark.Length > 0)
        {
            Emit(mark == "T" ? "^ T " : "ᵀ", close + 1);
        }
        return true;
    }

    // "z_{4}" is z_4, which names a declared z4; a subscript that is not a name ("x_{i+1}") is refused.
    private int Subscript(int underscore, int end)
    {
        var close = Closing(underscore + 1, end);
        // "f_{\text{reLU}}" and "W_{\mathrm{out}}", the handouts' own spelling, are the subscript as written.
        var subscript = UnwrapText(_text[(underscore + 2)..close]).Trim();
        if (subscript.Length == 0 || subscript.AsSpan().ContainsAnyExcept(_asciiLettersAndDigits))
        {
            throw Fail("a subscript must be letters and digits, as in z_{4}", underscore);
        }
        Emit('_', underscore);
        foreach (var c in subscript)
        {
            Emit(c, underscore + 2);
        }
        Emit(' ', close);
        return close + 1;
    }

    private static string UnwrapText(string subscript)
    {
        var match = System.Text.RegularExpressions.Regex.Match(subscript, @"^\s*\\(?<command>[A-Za-z]+)\s*\{(?<text>[A-Za-z0-9 ]*)\}\s*$");
        var text = match.Success && LatexCommands.Wrappers.Contains(match.Groups["command"].Value) ? match.Groups["text"].Value : subscript;
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    private static readonly System.Buffers.SearchValues<char> _asciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private bool FollowedBySubscript(int i, int end)
    {
        i = SkipSpaces(i, end);
        return i + 1 < end && _text[i] == '_' && _text[i + 1] == '{';
    }

    private int SkipSpaces(int i, int end)
    {
        while (i < end && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }
        return i;
    }
}
