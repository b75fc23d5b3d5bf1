using System.Globalization;
using System.Text;
using Grader.Grading.Judging;

namespace Grader.Cli.Commands;

/// <summary>A grade report as a plain-text table for a terminal.</summary>
internal static class ReportTable
{
    public static string Render(GradeReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.ProblemId} (version {report.ProblemVersion}): {Points(report.Score)} / {Points(report.MaxScore)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"part",-12}{"status",-11}{"score",-9}feedback");
        foreach (var part in report.Parts)
        {
            var score = part.Status == PartStatus.Manual ? "-" : $"{Points(part.Score)}/{Points(part.MaxScore)}";
            var feedback = part.Expected is null || part.Status == PartStatus.Correct
                ? part.Feedback
                : $"{part.Feedback} Expected: {part.Expected.ToJsonString()}";
            text.AppendLine(CultureInfo.InvariantCulture, $"{part.PartId,-12}{GradeReportJson.StatusName(part.Status),-11}{score,-9}{feedback}");
        }
        if (report.UnknownAnswers.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"not graded: answers to no part of this problem: {string.Join(", ", report.UnknownAnswers)}");
        }
        return text.ToString().TrimEnd();
    }

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
