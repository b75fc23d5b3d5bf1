namespace Grader.Engine.Expressions.Parsing;

/// <summary>The library prefixes students copy from code (np.exp, numpy.sum): the tokenizer keeps them on the name, this strips them.</summary>
internal static class Namespaces
{
    private static readonly string[] _prefixes = ["np.", "numpy."];

    /// <summary>Whether a prefix starts the name; <paramref name="member"/> is the name after it.</summary>
    public static bool TryStrip(string name, out string member)
    {
        foreach (var prefix in _prefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                member = name[prefix.Length..];
                return true;
            }
        }
        member = name;
        return false;
    }

    /// <summary>Whether an identifier just scanned is a prefix that a '.' and a name follow at <paramref name="dot"/>.</summary>
    public static bool StartsMember(string identifier, string text, int dot) =>
        identifier is "np" or "numpy" && dot + 1 < text.Length && text[dot] == '.' && char.IsAsciiLetter(text[dot + 1]);
}
