using System.Globalization;
using Grader.Data.Entities;

namespace Grader.Api.Pages.Regrades;

/// <summary>How the regrade pages word a job: its filter, state and times.</summary>
public static class RegradeText
{
    public static string Filter(RegradeJob job)
    {
        var parts = new List<string> { job.Course ?? "every course" };
        if (job.Assignment is not null) { parts.Add($"assignment {job.Assignment}"); }
        if (job.ProblemId is not null) { parts.Add($"problem {job.ProblemId}"); }
        if (job.GradedWithVersionOtherThanCurrent) { parts.Add("graded with an older version"); }
        if (job.SubmittedBefore is { } before) { parts.Add($"submitted before {Time(before)}"); }
        return string.Join(", ", parts);
    }

    public static string State(RegradeJobState state) => state.Name();

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Score(double? score) => score?.ToString("0.###", CultureInfo.InvariantCulture) ?? "—";
}
