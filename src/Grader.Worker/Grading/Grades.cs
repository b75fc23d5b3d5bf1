using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Grading.Judging;

namespace Grader.Worker.Grading;

/// <summary>What grading and regrading share: who graded, a report's parts as stored, the event that announces a grade.</summary>
internal static class Grades
{
    /// <summary>Which worker process committed a result (machine and process id), for operations.</summary>
    public static string WorkerName { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>
    /// The report's parts as <c>results.parts</c> stores them, each status spelled as the grading library spells it; tags
    /// only where the grader named a slip, as the JSON report has them, each once (the summary counts parts per tag).
    /// </summary>
    public static List<PartOutcome> Parts(GradeReport report) => report.Parts
        .Select(p => new PartOutcome(p.PartId, GradeReportJson.StatusName(p.Status), p.Score, p.MaxScore, p.Feedback,
            p.Tags.Count == 0 ? null : [.. p.Tags.Distinct(StringComparer.Ordinal)], p.Pattern))
        .ToList();

    public static SubmissionGraded Event(CommittedGrade grade) => new(
        grade.Submission.Id,
        grade.Submission.Source,
        grade.Submission.ExternalId,
        grade.Submission.Course,
        grade.Submission.Assignment,
        grade.Submission.StudentId,
        grade.Submission.ProblemId,
        grade.ProblemVersion,
        grade.Score,
        grade.MaxScore,
        grade.GradedAt);
}
