using Grader.Engine.Expressions.Parsing;
using Grader.Grading.Judging;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Explains an answer that could not be evaluated because an undeclared name was read as a product of declared ones: a
/// misspelled "A*xx" is A·x·x, which fails as "cannot multiply 3×1 by 2×1" — the student needs to hear "unknown variable".
/// </summary>
internal static class SplitNames
{
    public static Verdict Explain(Verdict verdict, string text, IReadOnlyCollection<string> declared)
    {
        if (verdict.Status != PartStatus.Invalid || !ExpressionParser.TryParse(text, null, out var plain, out _))
        {
            return verdict;
        }
        var split = plain.Variables.Where(name => !declared.Contains(name) && IsRunOf(name, declared)).Order(StringComparer.Ordinal).ToList();
        const string Prefix = "Your expression cannot be evaluated: ";
        var reason = verdict.Message.StartsWith(Prefix, StringComparison.Ordinal) ? verdict.Message[Prefix.Length..] : verdict.Message;
        return split.Count == 0 ? verdict : Verdict.Invalid(
            $"Unknown variable {string.Join(", ", split.Select(name => $"'{name}'"))} (the declared names are "
            + $"{string.Join(", ", declared.Order(StringComparer.Ordinal))}): read as a product of declared names, your expression "
            + $"cannot be evaluated: {reason}");
    }

    // True when the name is two or more declared names written together ("xx", "Ab").
    private static bool IsRunOf(string name, IReadOnlyCollection<string> declared)
    {
        var reachable = new bool[name.Length + 1];
        reachable[0] = true;
        for (var start = 0; start < name.Length; start++)
        {
            if (!reachable[start])
            {
                continue;
            }
            foreach (var piece in declared.Where(piece => piece.Length > 0 && piece.Length < name.Length))
            {
                if (string.CompareOrdinal(name, start, piece, 0, piece.Length) == 0 && start + piece.Length <= name.Length)
                {
                    reachable[start + piece.Length] = true;
                }
            }
        }
        return reachable[name.Length];
    }
}
