using Grader.Data.Entities;
using Grader.Data.Passback;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Submissions;

/// <summary>
/// What a worker writes of a submission: claim it, commit its first grade once, or record why it failed. The grade or the
/// failure and its outgoing LMS event (for a source with a callback) commit in one transaction.
/// </summary>
public sealed class SubmissionGrades(GraderDbContext db, GradeEventSources eventSources)
{
    private const int MaxReasonLength = 2000;

    /// <summary>Marks the submission <c>grading</c> unless it is graded already.</summary>
    /// <param name="countAttempt">Whether this start counts against the attempts limit (not for an in-process retry).</param>
    /// <returns>The claimed submission; null when it is graded already or does not exist.</returns>
    public async Task<Submission?> ClaimAsync(Guid id, DateTimeOffset startedAt, bool countAttempt, CancellationToken cancellationToken)
    {
        var counted = countAttempt ? 1 : 0;
        var claimed = await db.Submissions
            .Where(s => s.Id == id && s.Status != SubmissionStatus.Graded)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Grading)
                .SetProperty(s => s.GradingStartedAt, startedAt)
                .SetProperty(s => s.Attempts, s => s.Attempts + counted), cancellationToken);
        return claimed == 0 ? null : await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Stores the first result and marks the submission graded, under its row lock.</summary>
    /// <returns>false when another delivery committed first (the row lock makes the second one see it).</returns>
    public async Task<bool> CommitFirstGradeAsync(GradingResult result, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Submissions
            .FromSql($"select * from submissions where id = {result.SubmissionId} for update")
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
        await GradeEventWrites.ForResultsAsync(db, eventSources, [result.Id], GradeEventTypes.Graded, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <returns>The submission with its current result as committed (by whichever delivery), or null when it does not exist.</returns>
    public Task<Submission?> FindCommittedAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.Submissions.AsNoTracking().Include(s => s.CurrentResult).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Records that the submission could not be graded, and why; a submission already graded stays graded.</summary>
    /// <returns>Whether it was marked failed now.</returns>
    public async Task<bool> MarkFailedAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var trimmed = Trim(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var failed = await db.Submissions
            .Where(s => s.Id == id && s.Status != SubmissionStatus.Graded)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Failed)
                .SetProperty(s => s.FailureReason, trimmed), cancellationToken) > 0;
        if (failed)
        {
            await GradeEventWrites.ForFailureAsync(db, eventSources, id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    public static string Trim(string reason) => reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
}
