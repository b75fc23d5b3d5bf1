using System.Diagnostics;
using System.Text.Json;
using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Grading.Loading;
using Grader.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Grader.Worker.Regrading;

/// <summary>
/// Regrades one batch of a job in one transaction under the batch's row lock. Idempotent: a redelivered batch that
/// committed writes nothing (and announces its changed grades again); one whose worker died was rolled back and runs
/// from the start. A cancelled job's batches are acknowledged without work.
/// </summary>
public sealed class RegradeBatchProcessor(
    NpgsqlDataSource dataSource, ProblemCatalogProvider catalogs, TimeProvider clock, IOptions<RegradeOptions> options,
    ILogger<RegradeBatchProcessor> logger)
{
    private static readonly string WorkerName = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <returns>The grades to announce after the commit: score changes of a real (not dry) run.</returns>
    /// <param name="newAttempt">False for an in-process retry of the same delivery: it does not count as a start.</param>
    public async Task<IReadOnlyList<SubmissionGraded>> RegradeAsync(RegradeBatch message, bool newAttempt, CancellationToken cancellationToken)
    {
        // A file edited a moment ago may not have reached the watcher yet: a regrade must grade against what is on disk.
        catalogs.Refresh();
        var catalog = catalogs.Current;
        var key = new RegradeBatchKey(message.JobId, message.BatchNumber);
        var starts = await RegradeBatchStore.CountStartAsync(dataSource, key, newAttempt, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var store = new RegradeBatchStore(connection, transaction);
        var claim = await store.LockBatchAsync(key, cancellationToken);
        if (claim is null)
        {
            logger.LogWarning("Regrade batch {BatchNumber} of job {JobId} does not exist; message dropped", key.BatchNumber, key.JobId);
            return [];
        }

        if (claim.BatchState != "pending")
        {
            logger.LogInformation("Regrade batch {BatchNumber} of job {JobId} was already {State}", key.BatchNumber, key.JobId,
                claim.BatchState);
            return claim.DryRun || claim.BatchState != "done" ? [] : await store.ChangedGradesAsync(key, cancellationToken);
        }

        if (claim.JobState != "running")
        {
            return [];
        }

        if (starts > options.Value.MaxBatchAttempts)
        {
            var reason = $"Regrading of this submission's batch started {starts - 1} times without finishing (the worker stopped "
                + "each time); not tried again.";
            await store.FailAsync(key, reason, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogError("Regrade batch {BatchNumber} of job {JobId} failed: {Reason}", key.BatchNumber, key.JobId, reason);
            return [];
        }

        var stored = await store.ReadSubmissionsAsync(key, cancellationToken);
        var regrades = stored.Select(old => Grade(old, catalog)).ToList();
        var now = clock.GetUtcNow();
        var revisions = claim.DryRun ? [] : regrades.Where(r => r.WritesRevision).Select(r => Revision(r, key.JobId, now)).ToList();
        await store.WriteRevisionsAsync(revisions, cancellationToken);
        await store.RecordOutcomesAsync(key.JobId, regrades, cancellationToken);
        var changed = regrades.Count(r => r.ScoreChanged);
        var failed = regrades.Count(r => r.Outcome == Regrade.Failed);
        await store.SettleAsync(key, regrades.Count, changed, failed, batchFailed: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Regrade batch {BatchNumber} of job {JobId}: {Count} regraded, {Changed} changed, {Failed} failed, {Revisions} revisions written",
            key.BatchNumber, key.JobId, regrades.Count, changed, failed, revisions.Count);
        return claim.DryRun
            ? []
            : revisions.Join(regrades.Where(r => r.ScoreChanged), result => result.SubmissionId, r => r.Old.SubmissionId,
                (result, r) => ToEvent(r.Old, result)).ToList();
    }

    private static Regrade Grade(StoredGrade old, ProblemCatalog catalog)
    {
        if (!catalog.TryGet(old.ProblemId, out var problem))
        {
            return Regrade.Failure(old, $"Problem '{old.ProblemId}' is not in this worker's catalog.");
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            using var answers = JsonDocument.Parse(old.Answers);
            var report = problem.Grade(answers.RootElement);
            var parts = report.Parts
                .Select(p => new PartOutcome(p.PartId, p.Status.ToString().ToLowerInvariant(), p.Score, p.MaxScore, p.Feedback))
                .ToList();
            return Regrade.Of(old, report.ProblemVersion, report.Score, report.MaxScore, parts, stopwatch.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One submission the grader chokes on must not stop the other 499 of its batch: it is counted as failed.
            return Regrade.Failure(old, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static GradingResult Revision(Regrade regrade, Guid jobId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubmissionId = regrade.Old.SubmissionId,
        Revision = regrade.Old.LastRevision + 1,
        ProblemVersion = regrade.NewVersion!,
        Score = regrade.NewScore!.Value,
        MaxScore = regrade.NewMaxScore!.Value,
        Parts = PartOutcome.ToJson(regrade.NewParts),
        GradedAt = now,
        DurationMs = regrade.DurationMs,
        GradedBy = WorkerName,
        RegradeJobId = jobId,
    };

    private static SubmissionGraded ToEvent(StoredGrade submission, GradingResult result) => new(
        submission.SubmissionId, submission.Source, submission.ExternalId, submission.Course, submission.Assignment,
        submission.StudentId, submission.ProblemId, result.ProblemVersion, result.Score, result.MaxScore, result.GradedAt);
}
