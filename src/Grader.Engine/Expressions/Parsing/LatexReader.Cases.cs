namespace Grader.Engine.Expressions.Parsing;

/// <summary>The LaTeX reader's piecewise definitions: \begin{cases} a & c_1 \\ b & c_2 \end{cases}.</summary>
internal sealed partial class LatexReader
{
    private const string EndCases = @"\end{cases}";

    // Read as where(c1, a, where(c2, b, …)): each row's value where its condition holds, the last row's value otherwise
    // (so "otherwise", "\text{else}" and a last condition that covers the rest all read alike).
    private int Cases(int at, int start, int end)
    {
        var close = _text.IndexOf(EndCases, start, end - start, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Fail(@"expected '\end{cases}' to close '\begin{cases}'", at);
        }
        var rows = Rows(start, close);
        if (rows.Count == 0)
        {
            throw Fail(@"'\begin{cases}' needs at least one row 'value & condition'", at);
        }
        for (var r = 0; r < rows.Count - 1; r++)
        {
            var (valueStart, valueEnd, conditionStart, conditionEnd) = rows[r];
            if (conditionStart < 0)
            {
                throw Fail("every row of a cases block but the last needs '& condition'", valueStart);
            }
            Emit(" where(", valueStart);
            EmitNested(conditionStart, conditionEnd);
            Emit(',', conditionEnd);
            EmitNested(valueStart, valueEnd);
            Emit(',', valueEnd);
        }
        var last = rows[^1];
        Emit('(', last.ValueStart);
        EmitNested(last.ValueStart, last.ValueEnd);
        Emit(')', last.ValueEnd);
        for (var r = 0; r < rows.Count - 1; r++)
        {
            Emit(')', close);
        }
        return close + EndCases.Length;
    }

    private List<(int ValueStart, int ValueEnd, int ConditionStart, int ConditionEnd)> Rows(int start, int end)
    {
        var rows = new List<(int, int, int, int)>();
        var i = start;
        while (i < end)
        {
            var rowEnd = _text.IndexOf(@"\\", i, end - i, StringComparison.Ordinal);
            rowEnd = rowEnd < 0 ? end : rowEnd;
            var ampersand = _text.IndexOf('&', i, rowEnd - i);
            if (_text.AsSpan(i, rowEnd - i).Trim().Length > 0)
            {
                rows.Add(ampersand < 0
                    ? (i, rowEnd, -1, -1)
                    : (i, ampersand, SkipConditionWords(ampersand + 1, rowEnd), TrimComma(rowEnd)));
            }
            i = rowEnd + 2;
        }
        return rows;
    }

    // "& \text{if } z < 0", "& \text{for } z > 0", "& if z < 0": the words before the condition are not part of it.
    private int SkipConditionWords(int i, int end)
    {
        foreach (var word in (string[])[@"\text{if}", @"\text{if }", @"\text{for}", @"\text{for }", @"\text{when }", "if ", "for ", "when "])
        {
            var j = SkipSpaces(i, end);
            if (_text.AsSpan(j, end - j).StartsWith(word, StringComparison.Ordinal))
            {
                return j + word.Length;
            }
        }
        return i;
    }

    // "z < 0," — a comma closing the condition, as handouts punctuate the rows.
    private int TrimComma(int end)
    {
        var j = end;
        while (j > 0 && char.IsWhiteSpace(_text[j - 1]))
        {
            j--;
        }
        return j > 0 && _text[j - 1] is ',' or '.' ? j - 1 : end;
    }
}
