using System.Text.Json;
using Grader.Data.Entities;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Regrades;

/// <summary>
/// Plans a regrade job in one transaction: the job, its submissions cut into numbered batches, one pending row per batch.
/// The plan is a snapshot: a submission that arrives later is not in it. A second running job with the same filter is
/// refused (the same dry-run flag; the reason does not count).
/// </summary>
public sealed class RegradeJobStore(NpgsqlDataSource dataSource)
{
    // Serialises planning (rare, and short) so two identical requests cannot both find no running job.
    private const long PlanningLock = 0x67726164_72656772; // "gradregr"

    /// <returns>The planned job, or (null, the id of a running job with the same filter) when one runs already.</returns>
    public async Task<(PlannedRegrade? Planned, Guid? RunningWithSameFilter)> PlanAsync(
        RegradePlan plan, int batchSize, CancellationToken cancellationToken)
    {
        var versions = Typed(NpgsqlDbType.Jsonb, JsonSerializer.Serialize(plan.PlannedVersions));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "select pg_advisory_xact_lock($1)", cancellationToken, PlanningLock);
        await using (var running = Create(connection, transaction, """
            select id from regrade_jobs
            where state = 'running' and dry_run = $1 and graded_with_version_other_than_current = $2
              and course is not distinct from $3 and assignment is not distinct from $4 and problem_id is not distinct from $5
              and submitted_before is not distinct from $6
            limit 1
            """, plan.DryRun, plan.GradedWithVersionOtherThanCurrent, Typed(NpgsqlDbType.Text, plan.Course),
            Typed(NpgsqlDbType.Text, plan.Assignment), Typed(NpgsqlDbType.Text, plan.ProblemId),
            Typed(NpgsqlDbType.TimestampTz, plan.SubmittedBefore)))
        {
            if (await running.ExecuteScalarAsync(cancellationToken) is Guid runningId)
            {
                return (null, runningId);
            }
        }

        await ExecuteAsync(connection, transaction, """
            insert into regrade_jobs (id, course, assignment, problem_id, graded_with_version_other_than_current,
                                      submitted_before, reason, dry_run, state, planned_versions, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'running', $9, $10)
            """, cancellationToken, plan.Id, Typed(NpgsqlDbType.Text, plan.Course), Typed(NpgsqlDbType.Text, plan.Assignment),
            Typed(NpgsqlDbType.Text, plan.ProblemId), plan.GradedWithVersionOtherThanCurrent,
            Typed(NpgsqlDbType.TimestampTz, plan.SubmittedBefore), plan.Reason, plan.DryRun, versions.Clone(), plan.CreatedAt);

        // Only graded submissions: queued ones are about to be graded with the current version anyway.
        var total = await ExecuteAsync(connection, transaction, """
            insert into regrade_items (job_id, submission_id, batch_number)
            select $1, s.id, ((row_number() over (order by s.id)) - 1) / $2
            from submissions s join results r on r.id = s.current_result_id
            where s.status = 'graded'
              and ($3 is null or s.course = $3)
              and ($4 is null or s.assignment = $4)
              and ($5 is null or s.problem_id = $5)
              and ($6 is null or coalesce(s.submitted_at, s.received_at) < $6)
              and (not $7 or r.problem_version is distinct from ($8 ->> s.problem_id))
            """, cancellationToken, plan.Id, Typed(NpgsqlDbType.Integer, batchSize), Typed(NpgsqlDbType.Text, plan.Course),
            Typed(NpgsqlDbType.Text, plan.Assignment), Typed(NpgsqlDbType.Text, plan.ProblemId),
            Typed(NpgsqlDbType.TimestampTz, plan.SubmittedBefore), plan.GradedWithVersionOtherThanCurrent, versions);

        var batches = await ExecuteAsync(connection, transaction, """
            insert into regrade_batches (job_id, batch_number, state, size, sent_at)
            select $1, batch_number, 'pending', count(*), $2 from regrade_items where job_id = $1 group by batch_number
            """, cancellationToken, plan.Id, plan.CreatedAt);

        await ExecuteAsync(connection, transaction, """
            update regrade_jobs set total = $2, batch_count = $3,
                state = case when $3 = 0 then 'completed' else state end,
                finished_at = case when $3 = 0 then created_at end
            where id = $1
            """, cancellationToken, plan.Id, total, batches);
        await transaction.CommitAsync(cancellationToken);
        return (new PlannedRegrade(total, batches), null);
    }

    /// <summary>
    /// Marks the job's pending batches as never sent, so the workers' sweeper sends them at its next pass rather than
    /// Regrade:ResendAfter later (a batch that did reach the queue and comes twice is regraded once).
    /// </summary>
    public async Task MarkUnsentAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "update regrade_batches set sent_at = '-infinity' where job_id = $1 and state = 'pending'",
            cancellationToken, jobId);
    }
}
