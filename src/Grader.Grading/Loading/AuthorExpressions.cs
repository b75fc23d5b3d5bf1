using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Parsing;

namespace Grader.Grading.Loading;

/// <summary>
/// Parses an author's expression (a graph definition, a reference, a <c>where</c> condition) strictly: every name must be
/// declared. The student-friendly reading would take a typo such as <c>q*zz</c> for q·z·z and give a wrong reference
/// without a word; here it is an error with the nearest declared names.
/// </summary>
internal static class AuthorExpressions
{
    public static Expression Parse(string text, IEnumerable<string> names)
    {
        var declared = names.ToList();
        // Without declared names the parser splits nothing, so 'zz' stays one name and is caught below.
        if (!ExpressionParser.TryParse(text, null, out var plain, out var plainError))
        {
            // Only the student-friendly readings need the names ("x(1 - x)" as a product): refuse them, they hide typos.
            throw new ExpressionException(ExpressionParser.TryParse(text, declared, out _, out var error)
                ? new ExpressionError($"'{text}' reads only the way a student's answer would ({plainError.Message}): write products with *", plainError.Position)
                : error);
        }
        {
            foreach (var name in plain.Variables.Order(StringComparer.Ordinal))
            {
                if (!declared.Contains(name))
                {
                    throw new ExpressionException(new ExpressionError(
                        $"unknown name '{name}' in '{text}'{DidYouMean(name, declared)} (declared: {string.Join(", ", declared)})", 0));
                }
            }
        }
        return ExpressionParser.Parse(text, declared);
    }

    private static string DidYouMean(string name, IReadOnlyList<string> declared)
    {
        var near = declared.Select(candidate => (candidate, distance: Distance(name, candidate)))
            .Where(pair => pair.distance <= Math.Max(1, Math.Min(2, name.Length / 2)))
            .OrderBy(pair => pair.distance).ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Select(pair => $"'{pair.candidate}'").Take(3).ToList();
        return near.Count == 0 ? "" : $"; did you mean {string.Join(" or ", near)}?";
    }

    // Levenshtein distance: names are short, the quadratic table is nothing.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
