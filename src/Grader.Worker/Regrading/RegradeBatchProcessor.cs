using System.Diagnostics;
using System.Text.Json;
using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Data.Manual;
using Grader.Data.Passback;
using Grader.Data.Regrades;
using Grader.Data.Variants;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Grader.Worker.Grading;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Regrading;

/// <summary>
/// Regrades one batch of a job in one transaction under the batch's row lock. Idempotent: a redelivered batch that
/// committed writes nothing (and announces its changed grades again); one whose worker died was rolled back and runs
/// from the start. A cancelled job's batches are acknowledged without work.
/// </summary>
public sealed class RegradeBatchProcessor(
    RegradeBatches batches, ProblemCatalogProvider catalogs, AssignedVariants variants, TimeProvider clock, IOptions<RegradeOptions> options,
    GradeEventSources eventSources, ILogger<RegradeBatchProcessor> logger)
{
    /// <returns>The grades to announce after the commit: score changes of a real (not dry) run.</returns>
    /// <param name="delivery">
    /// The broker delivery this try belongs to: its first start that reaches the database counts against
    /// <see cref="RegradeOptions.MaxBatchAttempts"/>; the starts of its in-process retries do not. Not the retry number: a
    /// first try that failed before its count committed counted nothing, and its retry must count instead.
    /// </param>
    public async Task<IReadOnlyList<SubmissionGraded>> RegradeAsync(RegradeBatch message, DeliveryAttempt delivery, CancellationToken cancellationToken)
    {
        // A file edited a moment ago may not have reached the watcher yet: a regrade must grade against what is on disk.
        catalogs.Refresh();
        var catalog = catalogs.Current;
        var key = new RegradeBatchKey(message.JobId, message.BatchNumber);
        var starts = await batches.CountStartAsync(key, newAttempt: !delivery.Counted, cancellationToken);
        delivery.Counted = true;

        await using var store = await batches.BeginAsync(cancellationToken);
        var claim = await store.LockBatchAsync(key, cancellationToken);
        if (claim is null)
        {
            logger.LogWarning("Regrade batch {BatchNumber} of job {JobId} does not exist; message dropped", key.BatchNumber, key.JobId);
            return [];
        }

        if (claim.BatchState != RegradeBatchState.Pending)
        {
            logger.LogInformation("Regrade batch {BatchNumber} of job {JobId} was already {State}", key.BatchNumber, key.JobId,
                claim.BatchState);
            return claim.DryRun || claim.BatchState != RegradeBatchState.Done
                ? []
                : (await store.ChangedGradesAsync(key, cancellationToken)).Select(Grades.Event).ToList();
        }

        if (claim.JobState != RegradeJobState.Running)
        {
            return [];
        }

        if (starts > options.Value.MaxBatchAttempts)
        {
            var reason = $"Regrading of this submission's batch started {starts - 1} times without finishing (the worker stopped "
                + "each time); not tried again.";
            await store.FailAsync(key, reason, cancellationToken);
            await store.CommitAsync(cancellationToken);
            logger.LogError("Regrade batch {BatchNumber} of job {JobId} failed: {Reason}", key.BatchNumber, key.JobId, reason);
            return [];
        }

        var stored = await store.ReadSubmissionsAsync(key, cancellationToken);
        // The batch's instructor overrides in one read: a student's override holds in every regrade, as the seed does.
        var overrides = await variants.OverridesAsync(stored.Select(old => new VariantOverrideKey(old.Submission.Course,
            old.Submission.Assignment, old.ProblemId, old.Submission.StudentId)).Distinct().ToList(), cancellationToken);
        var regrades = stored.Select(old => Grade(old, catalog, variants, overrides)).ToList();
        var now = clock.GetUtcNow();
        var revisions = claim.DryRun ? [] : regrades.Where(r => r.WritesRevision).Select(r => Revision(r, key.JobId, now)).ToList();
        await store.WriteRevisionsAsync(revisions, cancellationToken);
        // The LMS hears of score changes only, in the batch's transaction (a version-only revision changes no grade).
        var scoreChanges = regrades.Where(r => r.ScoreChanged).Select(r => r.Old.SubmissionId).ToHashSet();
        await store.AnnounceRegradesAsync(
            revisions.Where(r => scoreChanges.Contains(r.SubmissionId)).Select(r => r.Id).ToList(), eventSources, cancellationToken);
        await store.RecordOutcomesAsync(key.JobId, regrades.Select(r => r.ItemOutcome).ToList(), cancellationToken);
        var changed = regrades.Count(r => r.ScoreChanged);
        var failed = regrades.Count(r => r.Outcome == RegradeOutcome.Failed);
        await store.SettleAsync(key, regrades.Count, changed, failed, batchFailed: false, cancellationToken);
        await store.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Regrade batch {BatchNumber} of job {JobId}: {Count} regraded, {Changed} changed, {Failed} failed, {Revisions} revisions written",
            key.BatchNumber, key.JobId, regrades.Count, changed, failed, revisions.Count);
        return claim.DryRun
            ? []
            : revisions.Join(regrades.Where(r => r.ScoreChanged), result => result.SubmissionId, r => r.Old.SubmissionId,
                (result, r) => Grades.Event(new CommittedGrade(r.Old.Submission, result.ProblemVersion, result.Score, result.MaxScore,
                    result.GradedAt))).ToList();
    }

    private static Regrade Grade(StoredGrade old, ProblemCatalog catalog, AssignedVariants variants,
        IReadOnlyDictionary<VariantOverrideKey, StoredVariantOverride> overrides)
    {
        if (!catalog.TryGet(old.ProblemId, out var fixedProblem))
        {
            return Regrade.Failure(old, $"Problem '{old.ProblemId}' is not in this worker's catalog.");
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            // Each submission against its own student's variant, drawn again from the same seed (or built again from the
            // instructor's override) under the new version.
            var problem = variants.For(fixedProblem, old.Submission.Course, old.Submission.Assignment, old.Submission.StudentId, overrides);
            using var answers = JsonDocument.Parse(old.Answers);
            var report = problem.Grade(answers.RootElement);
            // Staff scores of manual parts survive: the grader only ever reports those as ungraded.
            var (parts, score, maxScore) = ManualCarry.Keep(old.Parts, Grades.Parts(report), report.Score, report.MaxScore);
            return Regrade.Of(old, report.ProblemVersion, score, maxScore, parts,
                stopwatch.Elapsed.TotalMilliseconds, problem.IsRandomized ? problem.Variant.Key : null);
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
        Variant = regrade.NewVariant,
        Score = regrade.NewScore!.Value,
        MaxScore = regrade.NewMaxScore!.Value,
        Parts = PartOutcome.ToJson(regrade.NewParts),
        GradedAt = now,
        DurationMs = regrade.DurationMs,
        GradedBy = Grades.WorkerName,
        RegradeJobId = jobId,
    };
}
