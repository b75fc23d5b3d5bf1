using Grader.Data;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Sweeping;

/// <summary>Claims unfinished submissions whose last send is older than the configured ages, for re-sending.</summary>
public sealed class StaleSubmissions(GraderDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Moves <c>enqueued_at</c> of the claimed rows to now in the same statement, and skips rows another worker's
    /// sweeper holds, so two sweepers rarely send the same id (and a duplicate is harmless: grading is idempotent).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimAsync(SweeperOptions options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queuedBefore = now - options.QueuedAge;
        var gradingBefore = now - options.GradingAge;
        return await db.Database.SqlQuery<Guid>($"""
            update submissions set enqueued_at = {now}
            where id in (
                select id from submissions
                where (status = 'queued' and enqueued_at < {queuedBefore})
                   or (status = 'grading' and enqueued_at < {gradingBefore})
                order by enqueued_at
                limit {options.BatchSize}
                for update skip locked)
            returning id as "Value"
            """).ToListAsync(cancellationToken);
    }
}
