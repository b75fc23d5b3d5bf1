using System.Diagnostics;
using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Data.Submissions;
using Grader.Data.Variants;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>One delivery of a batch: the submission it names and whether the delivery has counted its attempt.</summary>
public sealed record GradeDelivery(Guid SubmissionId, DeliveryAttempt Attempt);

/// <summary>
/// Grades a batch of stored submissions: one claim statement (with the students' variant overrides), each graded in
/// memory, then one transaction for every result and failure. Idempotent as the single grade is: a submission graded
/// already (by an earlier delivery, or another worker meanwhile) gets nothing written and its committed grade announced.
/// </summary>
public sealed class BatchGrader(
    SubmissionBatchGrades grades, ProblemCatalog catalog, AssignedVariants variants, TimeProvider clock, IOptions<WorkerOptions> options,
    ILogger<BatchGrader> logger)
{
    /// <returns>For each submission of the batch, the event to publish, or null when there is nothing to announce.</returns>
    public async Task<IReadOnlyDictionary<Guid, SubmissionGraded?>> GradeAsync(IReadOnlyList<GradeDelivery> deliveries,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // A start counts once per delivery (its in-process retries do not count again); two deliveries of one submission in
        // a batch are one start.
        var requests = deliveries.GroupBy(d => d.SubmissionId)
            .Select(g => new ClaimRequest(g.Key, g.Any(d => !d.Attempt.Counted))).ToList();
        var claimed = await grades.ClaimAsync(requests, clock.GetUtcNow(), cancellationToken);
        var claimedIds = claimed.Select(c => c.Submission.Id).ToHashSet();
        foreach (var delivery in deliveries.Where(d => claimedIds.Contains(d.SubmissionId)))
        {
            delivery.Attempt.Counted = true;
        }

        var overrides = claimed.Where(c => c.Override is not null).ToDictionary(c => c.Override!.Key, c => c.Override!);
        var results = new List<GradingResult>();
        var failures = new List<SubmissionFailure>();
        foreach (var item in claimed)
        {
            var outcome = Grade(item.Submission, overrides);
            if (outcome.Result is not null)
            {
                results.Add(outcome.Result);
            }
            else
            {
                failures.Add(new SubmissionFailure(item.Submission.Id, outcome.Failure!));
            }
        }

        var commit = results.Count + failures.Count == 0
            ? new BatchCommit(new HashSet<Guid>(), new HashSet<Guid>())
            : await grades.CommitAsync(results, failures, cancellationToken);
        foreach (var failure in failures.Where(f => commit.Failed.Contains(f.SubmissionId)))
        {
            logger.LogError("Submission {SubmissionId} failed: {Reason}", failure.SubmissionId, SubmissionGrades.Trim(failure.Reason));
        }

        var events = new Dictionary<Guid, SubmissionGraded?>();
        foreach (var result in results.Where(r => commit.Graded.Contains(r.SubmissionId)))
        {
            var submission = claimed.First(c => c.Submission.Id == result.SubmissionId).Submission;
            events[result.SubmissionId] = Grades.Event(CommittedGrade.Of(submission, result));
        }

        foreach (var failure in failures)
        {
            events[failure.SubmissionId] = null;
        }

        // Graded before this batch claimed them, or by another delivery between claim and commit: announce what is committed.
        var others = requests.Select(r => r.SubmissionId).Where(id => !events.ContainsKey(id)).ToList();
        if (others.Count > 0)
        {
            var committed = (await grades.FindCommittedAsync(others, cancellationToken)).ToDictionary(s => s.Id);
            foreach (var id in others)
            {
                events[id] = Announce(id, committed.GetValueOrDefault(id));
            }
        }

        logger.LogInformation("Batch of {Deliveries} deliveries: {Graded} graded, {Failed} failed, {Others} graded already or unknown, in {ElapsedMs:F1} ms",
            deliveries.Count, commit.Graded.Count, commit.Failed.Count, others.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return events;
    }

    private (GradingResult? Result, string? Failure) Grade(Submission submission, Dictionary<VariantOverrideKey, StoredVariantOverride> overrides)
    {
        if (submission.Attempts > options.Value.MaxAttempts)
        {
            return (null, $"Grading started {submission.Attempts - 1} times without finishing (the worker stopped each time); not tried again. "
                + "Regrade it once the cause is fixed.");
        }

        if (!catalog.TryGet(submission.ProblemId, out var fixedProblem))
        {
            return (null, $"Problem '{submission.ProblemId}' is not in this worker's catalog.");
        }

        try
        {
            // A randomized problem is graded against this student's own numbers, or the ones an instructor set for them.
            var problem = variants.For(fixedProblem, submission.Course, submission.Assignment, submission.StudentId, overrides);
            var result = Grades.FirstResult(submission, problem, clock.GetUtcNow());
            if (logger.IsEnabled(LogLevel.Debug))
            {
                // Checked first: the call boxes its five values into an array even when the level is off, once a grade.
                logger.LogDebug("Graded {SubmissionId} ({ProblemId}): {Score}/{MaxScore} against version {ProblemVersion}",
                    submission.Id, submission.ProblemId, result.Score, result.MaxScore, result.ProblemVersion);
            }
            return (result, null);
        }
        catch (VariantException exception)
        {
            return (null, $"The student's variant of '{submission.ProblemId}' cannot be built: {exception.Message}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // What the fault consumer records for a message whose grading threw: this one fails, the batch's others do not.
            return (null, $"{exception.GetType().FullName}: {exception.Message}");
        }
    }

    private SubmissionGraded? Announce(Guid id, Submission? submission)
    {
        if (submission is null)
        {
            // A message from another database or a deleted submission: nothing to grade, nothing to retry.
            logger.LogWarning("Submission {SubmissionId} does not exist; skipped", id);
            return null;
        }

        return submission.CurrentResult is null ? null : Grades.Event(CommittedGrade.Of(submission, submission.CurrentResult));
    }
}
