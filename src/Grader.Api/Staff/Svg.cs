using System.Globalization;

namespace Grader.Api.Staff;

/// <summary>What the pages' server-drawn SVG charts share: numbers written culture-free, and the part statuses in order.</summary>
public static class Svg
{
    /// <summary>The six part outcomes of the summary, in the order the bars stack them (and the legend lists them).</summary>
    public static readonly string[] PartStatuses = ["correct", "partial", "incorrect", "invalid", "missing", "manual"];

    /// <summary>A coordinate or length: invariant culture, at most two decimals ("12.5", never "12,5").</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A count or score for people to read: invariant, thousands separated, at most two decimals.</summary>
    public static string Text(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Text(double? value) => value is { } v ? Text(v) : "–";

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>A bar's length out of <paramref name="width"/>, where <paramref name="max"/> fills it (0 when nothing).</summary>
    public static double Scale(double value, double max, double width) => max <= 0 ? 0 : value / max * width;
}
