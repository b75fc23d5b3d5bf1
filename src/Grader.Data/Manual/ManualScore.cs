using Grader.Data.Sql;
namespace Grader.Data.Manual;

/// <summary>The arithmetic of a manual grade: rubric sum plus adjustment, clamped to the part's points.</summary>
public static class ManualScore
{
    /// <summary>Scores are sums of small decimals; this keeps 0.1 + 0.2 from showing as 0.30000000000000004.</summary>
    public static double Round(double points) => Math.Round(points, 6, MidpointRounding.AwayFromZero);

    public static double FromRubric(IEnumerable<double> itemPoints, double? adjustment, double maxPoints) =>
        Round(Math.Clamp(itemPoints.Sum() + (adjustment ?? 0), 0, maxPoints));

    /// <summary>Whether <paramref name="points"/> is a whole number of <paramref name="step"/>s (within float noise).</summary>
    public static bool IsOnStep(double points, double step)
    {
        var steps = points / step;
        return Math.Abs(steps - Math.Round(steps)) < 1e-9;
    }

    /// <summary>The status a graded manual part shows, so the summary's per-part bars count it like any other part.</summary>
    public static string Status(double points, double maxPoints) =>
        points <= 0 ? "incorrect" : points >= maxPoints ? "correct" : "partial";
}
