using Grader.Data;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Regrading;

/// <summary>Claims batches of running jobs still pending long after their last send, for re-sending.</summary>
public sealed class PendingRegradeBatches(GraderDbContext db, TimeProvider clock)
{
    /// <summary>Moves <c>sent_at</c> of the claimed batches to now and skips locked ones, like the submission sweeper.</summary>
    public async Task<IReadOnlyList<PendingBatch>> ClaimAsync(RegradeOptions options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentBefore = now - options.ResendAfter;
        return await db.Database.SqlQuery<PendingBatch>($"""
            update regrade_batches set sent_at = {now}
            where (job_id, batch_number) in (
                select b.job_id, b.batch_number from regrade_batches b join regrade_jobs j on j.id = b.job_id
                where b.state = 'pending' and b.sent_at < {sentBefore} and j.state = 'running'
                order by b.sent_at
                limit {options.SweepBatchSize}
                for update of b skip locked)
            returning job_id as "JobId", batch_number as "BatchNumber"
            """).ToListAsync(cancellationToken);
    }
}

/// <summary>A batch the sweeper re-sends.</summary>
public sealed class PendingBatch
{
    public Guid JobId { get; init; }
    public int BatchNumber { get; init; }
}
