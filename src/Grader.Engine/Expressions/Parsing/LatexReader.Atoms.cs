namespace Grader.Engine.Expressions.Parsing;

/// <summary>The LaTeX reader's functions written without parentheses: "\exp x", "\log 2", "\sigma z_1", "\tanh \eta".</summary>
internal sealed partial class LatexReader
{
    // Explicit operators and closing delimiters end a one-atom argument: "\sigma z \cdot (1 - \sigma z)" is σ(z)·(1 − σ(z)).
    private static readonly HashSet<string> _endingCommands =
        ["cdot", "times", "ast", "div", "le", "leq", "ge", "geq", "lt", "gt", "right", "rvert", "rVert", "|", "}", "odot"];

    /// <summary>
    /// "\exp x" is exp(x) when one atom follows: a letter with digits or a subscript (x, w1, z_1, z_{2}), a number, or a Greek
    /// letter. Returns where reading goes on, or -1 when no atom follows (the function then needs its parentheses as before).
    /// Refuses an argument that runs on ("\exp 2x", "\sigma Wx", "\exp x^2"): only parentheses say where it ends.
    /// </summary>
    private int FunctionOfAtom(string function, int at, int next, int end)
    {
        var start = SkipSpaces(next, end);
        var atomEnd = AtomEnd(start, end);
        if (atomEnd < 0)
        {
            return -1;
        }
        if (!EndsArgument(SkipSpaces(atomEnd, end), end))
        {
            var command = LatexName(at);
            throw Fail($@"'\{command}' without parentheses takes one atom (x, 2, z_1, \eta): write \{command}(…) or \{command}{{…}}", at);
        }
        Emit(' ', at);
        Emit(function, at);
        Emit('(', start);
        EmitNested(start, atomEnd);
        Emit(')', atomEnd - 1);
        return atomEnd;
    }

    private string LatexName(int at) => CommandName(at, _text.Length).Name;

    // The end of the atom starting at i, or -1 if none starts there.
    private int AtomEnd(int i, int end)
    {
        if (i >= end)
        {
            return -1;
        }
        int j;
        if (char.IsAsciiDigit(_text[i]))
        {
            j = i + 1;
            while (j < end && (char.IsAsciiDigit(_text[j]) || (_text[j] == '.' && j + 1 < end && char.IsAsciiDigit(_text[j + 1]))))
            {
                j++;
            }
            return j;
        }
        if (char.IsAsciiLetter(_text[i]))
        {
            j = i + 1;
            while (j < end && char.IsAsciiDigit(_text[j]))
            {
                j++;
            }
        }
        else if (_text[i] == '\\' && CommandName(i, end) is var (name, after) && IsVariableCommand(name))
        {
            j = after;
        }
        else
        {
            return -1;
        }
        if (j + 1 < end && _text[j] == '_')
        {
            j = _text[j + 1] == '{' ? Closing(j + 1, end) + 1 : char.IsAsciiLetterOrDigit(_text[j + 1]) ? j + 2 : j;
        }
        return j;
    }

    private static bool IsVariableCommand(string name) =>
        LatexCommands.Names.TryGetValue(name, out var spelled) && !KnownFunctions.TryFind(spelled, beforeParenthesis: true, out _, out _, out _);

    private bool EndsArgument(int i, int end)
    {
        if (i >= end)
        {
            return true;
        }
        if (_text[i] is '+' or '-' or '*' or '/' or ')' or ']' or ',' or '<' or '>' or '=' or '|')
        {
            return true;
        }
        return _text[i] == '\\' && _endingCommands.Contains(CommandName(i, end).Name);
    }
}
