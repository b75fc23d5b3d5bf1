namespace Grader.Engine.Expressions.Parsing;

/// <summary>The LaTeX reader's indexed sums: \sum_i, \sum_{i}, \sum_{i=1}^{n}, \sum_{i=1}^n.</summary>
internal sealed partial class LatexReader
{
    // The index letter and where the limits end, or (null, next) when no subscript follows the sum sign.
    private (string? Index, int Next) SumLimits(int next, int end)
    {
        var i = SkipSpaces(next, end);
        if (i >= end || _text[i] != '_' || ReadArgument(i + 1, end) is not { } subscript)
        {
            return (null, next);
        }
        var written = _text[subscript.Start..subscript.End].Replace(" ", "", StringComparison.Ordinal);
        var equals = written.IndexOf('=', StringComparison.Ordinal);
        var index = equals < 0 ? written : written[..equals];
        if (index.Length != 1 || !char.IsAsciiLetterLower(index[0]))
        {
            throw Fail("a sum's index is one lower-case letter, as in \\sum_i or \\sum_{i=1}^{n}", i);
        }
        var after = SkipSpaces(subscript.Next, end);
        if (after < end && _text[after] == '^' && ReadArgument(after + 1, end) is { } upper)
        {
            // The upper limit is the number of rows the index runs over, which the shapes already say.
            after = upper.Next;
        }
        return (index, after);
    }
}
