namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// The names a part declares, and how an undeclared name is read as declared ones the way a grader would: a Greek letter
/// for its spelled-out name (η for a declared eta) and a run of declared names written without spaces (Ax for A·x).
/// </summary>
internal sealed class DeclaredNames(HashSet<string> names)
{
    // Letters whose spelled-out names parts declare. Only this direction: a declared Greek letter is used as written.
    private static readonly Dictionary<string, string> _spelledOut = new(StringComparer.Ordinal)
    {
        ["α"] = "alpha",
        ["β"] = "beta",
        ["δ"] = "delta",
        ["ε"] = "epsilon",
        ["ϵ"] = "epsilon",
        ["η"] = "eta",
        ["θ"] = "theta",
        ["λ"] = "lambda",
    };

    // A split is only taken when it is the only one, so counting stops at two.
    private const int Ambiguous = 2;

    public bool Contains(string name) => names.Contains(name);

    /// <summary>
    /// The declared name an undeclared one stands for: itself if declared, its spelled-out alias, or the name without the
    /// underscores of a LaTeX-style subscript (z_4 for z4, W_2 for W2).
    /// </summary>
    public bool TryResolve(string name, out string declared)
    {
        if (names.Contains(name))
        {
            declared = name;
            return true;
        }
        if (name.Contains('_', StringComparison.Ordinal) && names.Contains(name.Replace("_", "", StringComparison.Ordinal)))
        {
            declared = name.Replace("_", "", StringComparison.Ordinal);
            return true;
        }
        return _spelledOut.TryGetValue(name, out declared!) && names.Contains(declared);
    }

    /// <summary>
    /// The declared names (or Greek letters for them) an undeclared name is written as, when exactly one split exists:
    /// "w1x" is w1 x, but "xyz" with x, y, z, xy and yz declared is refused. A piece may carry the underscore of a
    /// LaTeX-style subscript ("w_1x" is w_1 x, "W_2a_1" is W_2 a_1), which TryResolve then reads as the declared name.
    /// Each piece comes as written, with its offset in the name.
    /// </summary>
    public bool TrySplit(string name, out List<(string Piece, int Offset)> pieces)
    {
        pieces = [];
        var ways = CountSplits(name);
        if (ways[0] != 1)
        {
            return false;
        }
        for (var start = 0; start < name.Length; start += pieces[^1].Piece.Length)
        {
            var length = PiecesAt(name, start).Single(length => ways[start + length] == 1);
            pieces.Add((name.Substring(start, length), start));
        }
        return true;
    }

    // ways[i]: how many splits name[i..] has into declared names (capped at Ambiguous); ways[name.Length] = 1.
    private int[] CountSplits(string name)
    {
        var ways = new int[name.Length + 1];
        ways[name.Length] = 1;
        for (var start = name.Length - 1; start >= 0; start--)
        {
            foreach (var length in PiecesAt(name, start))
            {
                ways[start] = Math.Min(Ambiguous, ways[start] + ways[start + length]);
            }
        }
        return ways;
    }

    // The lengths of the pieces name[start..] begins with: declared names, each possibly written with underscores between
    // its characters, and Greek letters standing for declared names.
    private IEnumerable<int> PiecesAt(string name, int start)
    {
        foreach (var declared in names)
        {
            var length = WrittenLength(declared, name.AsSpan(start));
            if (length > 0)
            {
                yield return length;
            }
        }
        foreach (var (letter, spelled) in _spelledOut)
        {
            if (!names.Contains(letter) && names.Contains(spelled) && name.AsSpan(start).StartsWith(letter, StringComparison.Ordinal))
            {
                yield return letter.Length;
            }
        }
    }

    // How many characters of text spell declared, allowing one '_' before each character but the first ("w_1" for w1); 0 if
    // text does not start with it. A piece never ends with an underscore, so "x_" is not x.
    private static int WrittenLength(string declared, ReadOnlySpan<char> text)
    {
        if (declared.Length == 0)
        {
            return 0;
        }
        var j = 0;
        for (var i = 0; i < declared.Length; i++, j++)
        {
            if (i > 0 && declared[i] != '_' && j < text.Length && text[j] == '_')
            {
                j++;
            }
            if (j >= text.Length || text[j] != declared[i])
            {
                return 0;
            }
        }
        return j;
    }
}
