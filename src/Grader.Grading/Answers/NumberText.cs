using System.Globalization;
using System.Text.RegularExpressions;

namespace Grader.Grading.Answers;

/// <summary>
/// The spellings of a number students type around the value itself: "≈ 0.6" or "~0.6" (the value is graded as usual),
/// "11.92%" (a hundredth), "5,000" / "5 000" / "5_000" (thousands separators, groups of three after a first group that is
/// not 0, so "0,600" stays a decimal comma), and the two refusals that need a precise message: "3.06 x 10^-7" (x reads as a
/// name) and "4 square units" (a unit is not part of the answer).
/// </summary>
internal static partial class NumberText
{
    /// <summary>The text with an "about" sign and a percent sign removed, and the factor the value is scaled by.</summary>
    public static string Unwrap(string text, out double scale)
    {
        scale = 1;
        var trimmed = text.Trim();
        if (trimmed.Length > 1 && trimmed[0] is '≈' or '~' or '≃' or '∼')
        {
            trimmed = trimmed[1..].TrimStart();
        }
        if (trimmed.Length > 1 && trimmed[^1] == '%')
        {
            trimmed = trimmed[..^1].TrimEnd();
            scale = 0.01;
        }
        return trimmed;
    }

    /// <summary>A number written with thousands separators ("5,000", "-5 000", "12_345.5"), or false.</summary>
    public static bool TryReadGrouped(string text, out double value)
    {
        value = 0;
        var match = Grouped().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var plain = text.Replace('−', '-').Replace(match.Groups["sep"].Value, "", StringComparison.Ordinal);
        return double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A message for the spellings that are refused because they are ambiguous, or null.</summary>
    public static string? Refusal(string text)
    {
        if (TimesX().Match(text) is { Success: true } times)
        {
            var mantissa = times.Groups["m"].Value;
            var rest = text[times.Length..].Trim();
            return $"'{text}' is not a number: 'x' reads as a name, not as a times sign; write {mantissa} × 10^{rest}, "
                + $"{mantissa}*10^{rest} or {mantissa}e{rest}";
        }
        if (WithUnit().Match(text) is { Success: true } unit
            && double.TryParse(unit.Groups["n"].Value.Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return $"'{text}' is not a number: write the number alone ({unit.Groups["n"].Value}), without the unit '{unit.Groups["u"].Value}'";
        }
        return null;
    }

    // The separator must be the same throughout, and every group after the first has three digits. Digits are ASCII
    // ([0-9], not \d, which also takes "۴" or "１" that no double parses), and a mantissa is one atomic group: "\d+\.?\d*"
    // could split a run of digits in every way before failing, so its time grew with the square of the length (20,000
    // fullwidth digits took 6 s; found by AnswerReaderFuzzTests).
    [GeneratedRegex(@"^[+\-−]?[1-9][0-9]{0,2}(?<sep>[,_  ])[0-9]{3}(\k<sep>[0-9]{3})*(\.[0-9]+)?$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^(?<m>[+\-−]?(?>[0-9]+(\.[0-9]*)?|\.[0-9]+))\s*[xX]\s*10\s*(\^|\*\*)")]
    private static partial Regex TimesX();

    [GeneratedRegex(@"^(?<n>[+\-−]?(?>[0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+\-]?[0-9]+)?)\s*(?<u>[A-Za-z][A-Za-z .²]*)$")]
    private static partial Regex WithUnit();
}
