using System.Diagnostics;
using System.Text.Json;
using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Grading.Judging;
using Grader.Grading.Model;

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

    /// <summary>
    /// Grades <paramref name="submission"/>'s answers against <paramref name="problem"/> (the student's variant) and builds
    /// its first result, timed; one grader or a batch of them commits it.
    /// </summary>
    public static GradingResult FirstResult(Submission submission, Problem problem, DateTimeOffset gradedAt)
    {
        var stopwatch = Stopwatch.StartNew();
        using var answers = JsonDocument.Parse(submission.Answers);
        var report = problem.Grade(answers.RootElement);
        stopwatch.Stop();
        return new GradingResult
        {
            Id = Guid.CreateVersion7(),
            SubmissionId = submission.Id,
            Revision = 1,
            ProblemVersion = report.ProblemVersion,
            Variant = problem.IsRandomized ? problem.Variant.Key : null,
            Score = report.Score,
            MaxScore = report.MaxScore,
            Parts = PartOutcome.ToJson(Parts(report)),
            GradedAt = gradedAt,
            DurationMs = stopwatch.Elapsed.TotalMilliseconds,
            GradedBy = WorkerName,
        };
    }

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
