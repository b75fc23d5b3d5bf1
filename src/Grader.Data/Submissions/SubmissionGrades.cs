using Grader.Data.Entities;
using Grader.Data.Passback;
using Grader.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Submissions;

/// <summary>
/// What a worker writes of a submission: claim it, commit its first grade once, or record why it failed. The grade or the
/// failure and its outgoing LMS event (for a source with a callback) commit in one transaction.
/// </summary>
public sealed class SubmissionGrades(GraderDbContext db, GradeEventSources eventSources)
{
    private const int MaxReasonLength = 2000;

    /// <summary>Marks the submission <c>grading</c> unless it is graded already: two round trips, no flush wait.</summary>
    /// <remarks>
    /// The claim commits without waiting for its WAL flush (<c>synchronous_commit = off</c> for this transaction only):
    /// it is a marker for the sweeper and the attempts count, not a result. PostgreSQL crashing right after it may lose
    /// it, which leaves the submission queued and its message unacknowledged, so it is claimed again; a grade's own
    /// commit waits for the flush, and that flush covers every earlier claim. Like the batch claim
    /// (<see cref="SubmissionBatchGrades.ClaimCommands"/>) it never moves a row into or out of <c>graded</c>, so it runs
    /// between <see cref="ClaimMarker"/>'s set and clear: the update triggers that look only at graded rows skip it.
    /// </remarks>
    /// <param name="countAttempt">Whether this start counts against the attempts limit (not for an in-process retry).</param>
    /// <returns>The claimed submission; null when it is graded already or does not exist.</returns>
    public async Task<Submission?> ClaimAsync(Guid id, DateTimeOffset startedAt, bool countAttempt, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        await using var batch = new NpgsqlBatch(npgsqlTransaction.Connection!, npgsqlTransaction)
        {
            BatchCommands =
            {
                new("set local synchronous_commit = off"),
                new(ClaimMarker.On),
                new("""
                    update submissions set status = 'grading', grading_started_at = $1, attempts = attempts + $2
                    where id = $3 and status <> 'graded'
                    returning *
                    """) { Parameters = { new() { Value = startedAt }, new() { Value = countAttempt ? 1 : 0 }, new() { Value = id } } },
                new(ClaimMarker.Off),
            },
        };
        Submission? claimed = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed = SubmissionRows.Read(reader);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Stores the first result and marks the submission graded, under its row lock: one batch, then one for its announcements (webhook events and LTI Scores), then the commit.</summary>
    /// <returns>false when another delivery committed first (the row lock makes the second one see it).</returns>
    public async Task<bool> CommitFirstGradeAsync(GradingResult result, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        // The insert takes the submission's row lock and writes nothing when it is graded already; the update then
        // changes the row it holds. One batch: the insert's count tells whether this delivery won.
        await using var batch = new NpgsqlBatch(npgsqlTransaction.Connection!, npgsqlTransaction)
        {
            BatchCommands =
            {
                new("""
                    with unlocked as (select id from submissions where id = $2 and status <> 'graded' for update)
                    insert into results (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                                         duration_ms, graded_by)
                    select $1, unlocked.id, $3, $4, $5, $6, $7, $8, $9, $10, $11 from unlocked
                    """)
                {
                    Parameters =
                    {
                        new() { Value = result.Id }, new() { Value = result.SubmissionId }, new() { Value = result.Revision },
                        new() { Value = result.ProblemVersion }, SqlCommands.Typed(NpgsqlDbType.Text, result.Variant),
                        new() { Value = result.Score }, new() { Value = result.MaxScore },
                        new() { Value = result.Parts, NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = result.GradedAt },
                        new() { Value = result.DurationMs }, new() { Value = result.GradedBy },
                    },
                },
                new("""
                    update submissions set status = 'graded', graded_at = $1, current_result_id = $2, failure_reason = null
                    where id = $3 and status <> 'graded'
                    """) { Parameters = { new() { Value = result.GradedAt }, new() { Value = result.Id }, new() { Value = result.SubmissionId } } },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (batch.BatchCommands[0].RecordsAffected == 0)
        {
            return false;
        }

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

    /// <summary>The context's own connection, opened: plain batches share it (and its transaction) with EF.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        return connection;
    }

    public static string Trim(string reason) => reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
}
