using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Data.Submissions;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades a stored submission and commits result and status in one transaction. Idempotent: a redelivery of a graded
/// submission writes nothing and returns the committed grade again (so the event is re-published, at least once).
/// </summary>
public sealed class SubmissionGrader(
    SubmissionGrades grades, ProblemCatalog catalog, AssignedVariants variants, TimeProvider clock, IOptions<WorkerOptions> options, ILogger<SubmissionGrader> logger)
{
    /// <returns>The event to publish, or null when there is nothing to announce (unknown or failed submission).</returns>
    /// <param name="delivery">
    /// The broker delivery this try belongs to: its first committed claim counts against
    /// <see cref="WorkerOptions.MaxAttempts"/> (which is about deliveries whose worker never finished them); the claims of
    /// its in-process retries after a transient database error do not.
    /// </param>
    public async Task<SubmissionGraded?> GradeAsync(Guid submissionId, DeliveryAttempt delivery, CancellationToken cancellationToken)
    {
        var countAttempt = !delivery.Counted;
        var submission = await grades.ClaimAsync(submissionId, clock.GetUtcNow(), countAttempt, cancellationToken);
        if (submission is null)
        {
            return await AlreadyGradedAsync(submissionId, cancellationToken);
        }

        delivery.Counted = true;

        if (submission.Attempts > options.Value.MaxAttempts)
        {
            await MarkFailedAsync(submissionId,
                $"Grading started {submission.Attempts - 1} times without finishing (the worker stopped each time); not tried again. "
                + "Regrade it once the cause is fixed.", cancellationToken);
            return null;
        }

        if (!catalog.TryGet(submission.ProblemId, out var fixedProblem))
        {
            await MarkFailedAsync(submissionId, $"Problem '{submission.ProblemId}' is not in this worker's catalog.", cancellationToken);
            return null;
        }

        Problem problem;
        try
        {
            // A randomized problem is graded against this student's own numbers, or the ones an instructor set for them (the
            // handout's for a fixed problem).
            problem = await variants.ForAsync(fixedProblem, submission.Course, submission.Assignment, submission.StudentId, cancellationToken);
        }
        catch (VariantException exception)
        {
            await MarkFailedAsync(submissionId, $"The student's variant of '{submission.ProblemId}' cannot be built: {exception.Message}", cancellationToken);
            return null;
        }

        var result = Grades.FirstResult(submission, problem, clock.GetUtcNow());

        if (!await grades.CommitFirstGradeAsync(result, cancellationToken))
        {
            return await AlreadyGradedAsync(submissionId, cancellationToken);
        }

        logger.LogInformation("Graded {ProblemId}: {Score}/{MaxScore} against version {ProblemVersion} in {DurationMs:F1} ms",
            submission.ProblemId, result.Score, result.MaxScore, result.ProblemVersion, result.DurationMs);
        return Grades.Event(CommittedGrade.Of(submission, result));
    }

    /// <summary>Records that a submission could not be graded, and why; a submission already graded stays graded.</summary>
    public async Task MarkFailedAsync(Guid submissionId, string reason, CancellationToken cancellationToken)
    {
        if (await grades.MarkFailedAsync(submissionId, reason, cancellationToken))
        {
            logger.LogError("Submission {SubmissionId} failed: {Reason}", submissionId, SubmissionGrades.Trim(reason));
        }
    }

    private async Task<SubmissionGraded?> AlreadyGradedAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var submission = await grades.FindCommittedAsync(submissionId, cancellationToken);
        if (submission is null)
        {
            // A message from another database or a deleted submission: nothing to grade, nothing to retry.
            logger.LogWarning("Submission {SubmissionId} does not exist; skipped", submissionId);
            return null;
        }

        logger.LogInformation("Submission {SubmissionId} was already graded; nothing written", submissionId);
        return submission.CurrentResult is null ? null : Grades.Event(CommittedGrade.Of(submission, submission.CurrentResult));
    }
}
