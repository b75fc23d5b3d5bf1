using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Submissions;

/// <summary>
/// Claims work whose message was lost or never sent, for the sweeper to send again: each claim moves the row's send time
/// to now in the same statement and skips rows another worker's sweeper holds, so two sweepers rarely send the same
/// message (and a duplicate is harmless: grading and regrading are idempotent).
/// </summary>
public sealed class UnfinishedWork(GraderDbContext db)
{
    /// <summary>Submissions still <c>queued</c> since before <paramref name="queuedBefore"/>, or <c>grading</c> since before <paramref name="gradingBefore"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimSubmissionsAsync(
        DateTimeOffset now, DateTimeOffset queuedBefore, DateTimeOffset gradingBefore, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"""
            update submissions set enqueued_at = {now}
            where id in (
                select id from submissions
                where (status = 'queued' and enqueued_at < {queuedBefore})
                   or (status = 'grading' and enqueued_at < {gradingBefore})
                order by enqueued_at
                limit {limit}
                for update skip locked)
            returning id as "Value"
            """).ToListAsync(cancellationToken);

    /// <summary>Batches of running regrade jobs still pending since before <paramref name="sentBefore"/>.</summary>
    public async Task<IReadOnlyList<PendingBatch>> ClaimRegradeBatchesAsync(
        DateTimeOffset now, DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<PendingBatch>($"""
            update regrade_batches set sent_at = {now}
            where (job_id, batch_number) in (
                select b.job_id, b.batch_number from regrade_batches b join regrade_jobs j on j.id = b.job_id
                where b.state = 'pending' and b.sent_at < {sentBefore} and j.state = 'running'
                order by b.sent_at
                limit {limit}
                for update of b skip locked)
            returning job_id as "JobId", batch_number as "BatchNumber"
            """).ToListAsync(cancellationToken);
}

/// <summary>A regrade batch the sweeper sends again.</summary>
public sealed class PendingBatch
{
    public Guid JobId { get; init; }
    public int BatchNumber { get; init; }
}
