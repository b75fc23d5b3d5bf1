using System.Text;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// Reads the LaTeX students paste from LMS editors as the plain syntax (\frac{a}{b} is ((a)/(b)), \sigma is σ, W^{\top} is Wᵀ,
/// { } group like parentheses), keeping each character's origin so that every error points into the text the student wrote.
/// Unknown commands and malformed groups are refused with their position.
/// </summary>
internal sealed partial class LatexReader
{
    private static readonly (string Open, string Close)[] _mathDelimiters = [("$$", "$$"), ("$", "$"), (@"\(", @"\)"), (@"\[", @"\]")];

    private readonly string _text;
    private readonly StringBuilder _output = new();
    private readonly List<int> _origin = [];
    private int _depth;

    private LatexReader(string text) => _text = text;

    /// <summary>Whether the text has anything for this reader to do; other answers are tokenized exactly as written.</summary>
    public static bool Applies(string text) => text.AsSpan().IndexOfAny(@"\${}") >= 0;

    public static SourceText Read(string text)
    {
        var reader = new LatexReader(text);
        var (start, end) = InsideMathDelimiters(text);
        reader.EmitRange(start, end);
        reader._origin.Add(text.Length);
        return new SourceText(reader._output.ToString(), [.. reader._origin]);
    }

    // "$…$", "$$…$$", "\(…\)" and "\[…\]" around the whole answer are LaTeX's math mode, not part of the answer.
    private static (int Start, int End) InsideMathDelimiters(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        var inner = text.AsSpan(start, end - start);
        foreach (var (open, close) in _mathDelimiters)
        {
            if (inner.Length >= open.Length + close.Length && inner.StartsWith(open, StringComparison.Ordinal)
                && inner.EndsWith(close, StringComparison.Ordinal))
            {
                return (start + open.Length, end - close.Length);
            }
        }
        return (start, end);
    }

    private void EmitRange(int i, int end)
    {
        while (i < end)
        {
            var c = _text[i];
            switch (c)
            {
                case '\\':
                    i = Command(i, end);
                    break;
                case '{':
                    i = Group(i, end);
                    break;
                case '}':
                    throw Fail("unexpected '}'", i);
                case '$':
                    throw Fail("unexpected '$': math delimiters may only enclose the whole answer", i);
                case '^':
                    i = Superscript(i, end);
                    break;
                case '_' when i + 1 < end && _text[i + 1] == '{':
                    i = Subscript(i, end);
                    break;
                default:
                    Emit(c, i);
                    i++;
                    break;
            }
        }
    }

    // "{…}" groups like parentheses: "e^{-z}" is e^(-z).
    private int Group(int open, int end)
    {
        var close = Closing(open, end);
        Emit('(', open);
        EmitNested(open + 1, close);
        Emit(')', close);
        return close + 1;
    }

    private int Command(int at, int end)
    {
        var (name, next) = CommandName(at, end);
        if (name.Length == 0)
        {
            throw Fail(@"'\' must start a LaTeX command", at);
        }
        if (name is "sum" or "Sigma" && SumLimits(next, end) is ({ } index, var afterLimits))
        {
            // "\sum_i" and "\sum_{i=1}^{n}": the sum over an index, read by the parser as ∑_i.
            Emit(" ∑_", at);
            Emit(index, next);
            Emit(' ', afterLimits);
            return afterLimits;
        }
        if (LatexCommands.Symbols.TryGetValue(name, out var symbol))
        {
            if (name == "sigma" && FunctionOfAtom(symbol, at, next, end) is >= 0 and var afterSigma)
            {
                return afterSigma;
            }
            Emit(symbol, at);
            return next;
        }
        if (LatexCommands.Names.TryGetValue(name, out var spelled))
        {
            if (KnownFunctions.TryFind(spelled, beforeParenthesis: false, out _, out _, out var maxArguments) && maxArguments == 1
                && FunctionOfAtom(spelled, at, next, end) is >= 0 and var afterAtom)
            {
                return afterAtom;
            }
            EmitName(spelled, at, next);
            return next;
        }
        if (LatexCommands.Fractions.Contains(name))
        {
            return Fraction(name, at, next, end);
        }
        if (name == "sqrt")
        {
            return Root(at, next, end);
        }
        if (LatexCommands.Wrappers.Contains(name))
        {
            return Wrapper(name, at, next, end);
        }
        if (LatexCommands.Sizes.Contains(name))
        {
            return Delimiter(name, at, next, end);
        }
        if (name == "begin" && _text.AsSpan(next, end - next).StartsWith("{cases}", StringComparison.Ordinal))
        {
            return Cases(at, next + "{cases}".Length, end);
        }
        throw Fail($@"unknown LaTeX command '\{name}'", at);
    }

    // A command is a backslash and a run of letters, or a backslash and one other character ("\," "\{").
    private (string Name, int Next) CommandName(int at, int end)
    {
        var j = at + 1;
        if (j >= end)
        {
            return ("", j);
        }
        if (!char.IsAsciiLetter(_text[j]))
        {
            // A control symbol is one character, and a character outside the basic plane is two UTF-16 units: cutting
            // the pair would put half of it into the message (found by AnswerReaderFuzzTests).
            var width = j + 1 < end && char.IsSurrogatePair(_text[j], _text[j + 1]) ? 2 : 1;
            return (_text.Substring(j, width), j + width);
        }
        while (j < end && char.IsAsciiLetter(_text[j]))
        {
            j++;
        }
        return (_text[(at + 1)..j], j);
    }

    // The "}" that closes the "{" at open; escaped braces "\{" "\}" do not count.
    private int Closing(int open, int end)
    {
        var depth = 0;
        for (var j = open; j < end; j++)
        {
            switch (_text[j])
            {
                case '\\':
                    j++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return j;
            }
        }
        throw Fail("expected '}' to close '{'", open);
    }

    private void EmitNested(int start, int end)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            throw Fail("expression nests too deeply", start - 1);
        }
        EmitRange(start, end);
        _depth--;
    }

    // Names stand apart from their neighbours ("x\eta" is x eta), but keep a subscript that follows ("\eta_1").
    private void EmitName(string name, int at, int next)
    {
        Emit(' ', at);
        Emit(name, at);
        if (next >= _text.Length || _text[next] != '_')
        {
            Emit(' ', at);
        }
    }

    private void Emit(string text, int at)
    {
        foreach (var c in text)
        {
            Emit(c, at);
        }
    }

    private void Emit(char c, int at)
    {
        _output.Append(c);
        _origin.Add(at);
    }

    private static ExpressionException Fail(string message, int index) => new(new ExpressionError(message, index + 1));
}
