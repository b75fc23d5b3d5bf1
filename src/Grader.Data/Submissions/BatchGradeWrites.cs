using Grader.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Submissions;

/// <summary>
/// The set-based statements of a batch's grade transaction, each taking the batch as arrays (one statement for the batch,
/// not one per submission). Run in this order in one transaction: the insert takes the row locks the updates rely on.
/// </summary>
internal static class BatchGradeWrites
{
    /// <summary>
    /// Inserts revision 1 of each result whose submission is not graded yet, locking those submissions in id order first
    /// (two batches sharing a submission wait for each other instead of deadlocking); returns the submissions written.
    /// </summary>
    /// <remarks>
    /// The parts' outcomes for the summaries are computed here from the answers the lock reads anyway: the row trigger
    /// that fills them otherwise (<c>tr_results_part_outcomes</c>, only when <c>part_outcomes</c> is null) would look each
    /// submission's answers up again, one statement per result.
    /// </remarks>
    public static NpgsqlBatchCommand InsertResults(IReadOnlyList<GradingResult> results) => new("""
        with unlocked as (
            select id, answers from submissions where id = any($1) and status <> 'graded' order by id for update)
        insert into results (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                             duration_ms, graded_by, part_outcomes)
        select r.id, r.submission_id, 1, r.problem_version, r.variant, r.score, r.max_score, r.parts, r.graded_at,
               r.duration_ms, r.graded_by, summary_part_outcomes(r.parts, unlocked.answers)
        from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::jsonb[],
                    $8::timestamptz[], $9::float8[], $10::text[])
             as r (submission_id, id, problem_version, variant, score, max_score, parts, graded_at, duration_ms, graded_by)
        join unlocked on unlocked.id = r.submission_id
        returning submission_id as graded_id
        """)
    {
        Parameters =
        {
            new() { Value = results.Select(r => r.SubmissionId).ToArray() },
            new() { Value = results.Select(r => r.Id).ToArray() },
            new() { Value = results.Select(r => r.ProblemVersion).ToArray() },
            new() { Value = results.Select(r => r.Variant).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new() { Value = results.Select(r => r.Score).ToArray() },
            new() { Value = results.Select(r => r.MaxScore).ToArray() },
            new() { Value = results.Select(r => r.Parts).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            new() { Value = results.Select(r => r.GradedAt).ToArray() },
            new() { Value = results.Select(r => r.DurationMs).ToArray() },
            new() { Value = results.Select(r => r.GradedBy).ToArray() },
        },
    };

    /// <summary>Points each submission the insert wrote at its result (the rows it locked; graded ones are skipped).</summary>
    public static NpgsqlBatchCommand MarkGraded(IReadOnlyList<GradingResult> results) => new("""
        update submissions s set status = 'graded', graded_at = u.graded_at, current_result_id = u.id, failure_reason = null
        from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as u (submission_id, id, graded_at)
        where s.id = u.submission_id and s.status <> 'graded'
        """)
    {
        Parameters =
        {
            new() { Value = results.Select(r => r.SubmissionId).ToArray() },
            new() { Value = results.Select(r => r.Id).ToArray() },
            new() { Value = results.Select(r => r.GradedAt).ToArray() },
        },
    };

    /// <summary>Marks each failure failed with its reason unless graded meanwhile; returns the submissions failed now.</summary>
    public static NpgsqlBatchCommand MarkFailed(IReadOnlyList<SubmissionFailure> failures) => new("""
        update submissions s set status = 'failed', failure_reason = f.reason
        from unnest($1::uuid[], $2::text[]) as f (id, reason)
        where s.id = f.id and s.status <> 'graded'
        returning s.id as failed_id
        """)
    {
        Parameters =
        {
            new() { Value = failures.Select(f => f.SubmissionId).ToArray() },
            new() { Value = failures.Select(f => SubmissionGrades.Trim(f.Reason)).ToArray() },
        },
    };
}
