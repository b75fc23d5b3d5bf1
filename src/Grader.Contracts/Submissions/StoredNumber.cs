using System.Globalization;
using System.Text;

namespace Grader.Contracts.Submissions;

/// <summary>
/// A JSON number as it is stored: jsonb keeps numbers as exact decimals and prints them without an exponent, so
/// <c>1e100000</c> (8 bytes) comes back as 100,001 digits. Intake therefore reads every number as a double (the grader
/// reads nothing finer), refuses what a double cannot hold, and writes the double back in its shortest form.
/// </summary>
public static class StoredNumber
{
    /// <returns>null with the value, or why the number cannot be stored.</returns>
    public static string? TryRead(string raw, out double value)
    {
        // .NET reads an overflowing literal as ±∞ rather than failing.
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return $"the number {Excerpt(raw)} is beyond the range of a double (about ±1.8e308)";
        }

        if (value == 0 && MantissaHasNonZeroDigit(raw))
        {
            return $"the number {Excerpt(raw)} is too small for a double (it would read as 0)";
        }

        return null;
    }

    /// <summary>
    /// <see cref="TryRead(string, out double)"/> on a JSON number's raw UTF-8 bytes: a number that can be stored (nearly
    /// all) is read without making a string of it, which was one allocation per number of every webhook's answers.
    /// </summary>
    public static string? TryRead(ReadOnlySpan<byte> rawUtf8, out double value)
    {
        if (double.TryParse(rawUtf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
            && (value != 0 || !MantissaHasNonZeroDigit(rawUtf8)))
        {
            return null;
        }

        return TryRead(Encoding.UTF8.GetString(rawUtf8), out value); // refused: the text's reading words why
    }

    /// <summary>
    /// How many more characters PostgreSQL prints for <paramref name="value"/> than its shortest round-trip form takes
    /// (<see cref="PrintedLength"/> − <see cref="WrittenLength"/>, 0 when it prints no longer), formatting it once.
    /// </summary>
    public static int ExtraPrintedLength(double value)
    {
        Span<char> text = stackalloc char[32]; // "R" of a double takes at most 24 characters (-1.7976931348623157E+308)
        if (!value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture))
        {
            return Math.Max(0, PrintedLength(value) - WrittenLength(value));
        }

        var e = text[..written].IndexOfAny('E', 'e');
        if (e < 0)
        {
            return 0;
        }

        var exponent = int.Parse(text[(e + 1)..written], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Math.Max(0, e + Math.Abs(exponent) + 2 - written);
    }

    /// <summary>How many characters PostgreSQL prints for <paramref name="value"/> (plain decimal, no exponent), at most.</summary>
    public static int PrintedLength(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return text.Length;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return e + Math.Abs(exponent) + 2;
    }

    /// <summary>How many characters the shortest round-trip form of <paramref name="value"/> takes.</summary>
    public static int WrittenLength(double value) => value.ToString("R", CultureInfo.InvariantCulture).Length;

    private static bool MantissaHasNonZeroDigit(string raw)
    {
        foreach (var c in raw)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private static bool MantissaHasNonZeroDigit(ReadOnlySpan<byte> raw)
    {
        foreach (var c in raw)
        {
            if (c is (byte)'e' or (byte)'E')
            {
                return false;
            }

            if (c is >= (byte)'1' and <= (byte)'9')
            {
                return true;
            }
        }

        return false;
    }

    private static string Excerpt(string raw) => raw.Length <= 24 ? raw : string.Concat(raw.AsSpan(0, 20), "…");
}
