using System.Diagnostics;
using System.Text.Json;
using Grader.Contracts;
using Grader.Data;
using Grader.Data.Entities;
using Grader.Grading.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades a stored submission and commits result and status in one transaction. Idempotent: a redelivery of a graded
/// submission writes nothing and returns the committed grade again (so the event is re-published, at least once).
/// </summary>
public sealed class SubmissionGrader(
    GraderDbContext db, ProblemCatalog catalog, SubmissionFailures failures, TimeProvider clock, IOptions<WorkerOptions> options,
    ILogger<SubmissionGrader> logger)
{
    private static readonly string WorkerName = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <returns>The event to publish, or null when there is nothing to announce (unknown or failed submission).</returns>
    /// <param name="newAttempt">
    /// False for an in-process retry of the same delivery (after a transient database error): it does not count against
    /// <see cref="WorkerOptions.MaxAttempts"/>, which is about deliveries whose worker never finished them.
    /// </param>
    public async Task<SubmissionGraded?> GradeAsync(Guid submissionId, bool newAttempt, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var counted = newAttempt ? 1 : 0;
        var claimed = await db.Submissions
            .Where(s => s.Id == submissionId && s.Status != SubmissionStatus.Graded)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Grading)
                .SetProperty(s => s.GradingStartedAt, started)
                .SetProperty(s => s.Attempts, s => s.Attempts + counted), cancellationToken);
        if (claimed == 0)
        {
            return await AlreadyGradedAsync(submissionId, cancellationToken);
        }

        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId, cancellationToken);
        if (submission.Attempts > options.Value.MaxAttempts)
        {
            await failures.MarkFailedAsync(submissionId,
                $"Grading started {submission.Attempts - 1} times without finishing (the worker stopped each time); not tried again. "
                + "Regrade it once the cause is fixed.", cancellationToken);
            return null;
        }

        if (!catalog.TryGet(submission.ProblemId, out var problem))
        {
            await failures.MarkFailedAsync(submissionId, $"Problem '{submission.ProblemId}' is not in this worker's catalog.", cancellationToken);
            return null;
        }

        var stopwatch = Stopwatch.StartNew();
        using var answers = JsonDocument.Parse(submission.Answers);
        var report = problem.Grade(answers.RootElement);
        stopwatch.Stop();

        var parts = report.Parts
            .Select(p => new PartOutcome(p.PartId, p.Status.ToString().ToLowerInvariant(), p.Score, p.MaxScore, p.Feedback))
            .ToList();
        var result = new GradingResult
        {
            Id = Guid.CreateVersion7(),
            SubmissionId = submissionId,
            Revision = 1,
            ProblemVersion = report.ProblemVersion,
            Score = report.Score,
            MaxScore = report.MaxScore,
            Parts = PartOutcome.ToJson(parts),
            GradedAt = clock.GetUtcNow(),
            DurationMs = stopwatch.Elapsed.TotalMilliseconds,
            GradedBy = WorkerName,
        };

        if (!await CommitAsync(submissionId, result, cancellationToken))
        {
            return await AlreadyGradedAsync(submissionId, cancellationToken);
        }

        logger.LogInformation("Graded {ProblemId}: {Score}/{MaxScore} against version {ProblemVersion} in {DurationMs:F1} ms",
            submission.ProblemId, report.Score, report.MaxScore, report.ProblemVersion, result.DurationMs);
        return ToEvent(submission, result);
    }

    /// <returns>false when another delivery committed first (the row lock makes the second one see it).</returns>
    private async Task<bool> CommitAsync(Guid submissionId, GradingResult result, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Submissions
            .FromSql($"select * from submissions where id = {submissionId} for update")
            .SingleAsync(cancellationToken);
        if (locked.Status == SubmissionStatus.Graded)
        {
            return false;
        }

        db.Results.Add(result);
        locked.Status = SubmissionStatus.Graded;
        locked.GradedAt = result.GradedAt;
        locked.CurrentResultId = result.Id;
        locked.FailureReason = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<SubmissionGraded?> AlreadyGradedAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var submission = await db.Submissions.AsNoTracking().Include(s => s.CurrentResult)
            .SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            // A message from another database or a deleted submission: nothing to grade, nothing to retry.
            logger.LogWarning("Submission {SubmissionId} does not exist; message dropped", submissionId);
            return null;
        }

        logger.LogInformation("Submission {SubmissionId} was already graded; nothing written", submissionId);
        return submission.CurrentResult is null ? null : ToEvent(submission, submission.CurrentResult);
    }

    private static SubmissionGraded ToEvent(Submission submission, GradingResult result) => new(
        submission.Id,
        submission.Source,
        submission.ExternalId,
        submission.Course,
        submission.Assignment,
        submission.StudentId,
        submission.ProblemId,
        result.ProblemVersion,
        result.Score,
        result.MaxScore,
        result.GradedAt);
}
