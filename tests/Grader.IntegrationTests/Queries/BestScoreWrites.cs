using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// Writes one assignment's submissions the way Grader's write paths do (intake, claim, grade, failure, a regrade batch's
/// one UPDATE of many submissions, deletion), straight into PostgreSQL, for the best-score triggers (migration 0016).
/// Results have an automatic part <c>a</c> (the score given) and, when asked, an ungraded manual part <c>m</c> of 4 points.
/// </summary>
internal sealed class BestScoreWrites(NpgsqlDataSource db, string assignment)
{
    public const double ManualPoints = 4;

    public async Task<Guid> ReceiveAsync(string student, string problem, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        await ExecuteAsync(db, """
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                     received_at, status, enqueued_at)
            values ($1, 'best', $1::text, $2, $3, $4, $5, '{"a": "x", "m": "because"}', $6, now(), 'queued', now())
            """, id, SeededCourse.Course, assignment, problem, student, at);
        return id;
    }

    /// <summary>A worker claims the submission (its first update).</summary>
    public Task ClaimAsync(Guid submission) =>
        ExecuteAsync(db, "update submissions set status = 'grading', attempts = attempts + 1 where id = $1", submission);

    /// <summary>Received, claimed and graded (the result and the status in one transaction, as the worker commits them).</summary>
    public async Task<Guid> GradedAsync(string student, string problem, DateTimeOffset at, double score, bool manualPart = false)
    {
        var id = await ReceiveAsync(student, problem, at);
        await ClaimAsync(id);
        await GradeAsync(id, score, manualPart);
        return id;
    }

    public async Task GradeAsync(Guid submission, double score, bool manualPart = false)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await GradeAsync(connection, submission, score, manualPart);
        await transaction.CommitAsync();
    }

    /// <summary>The grader's two statements on a connection whose transaction the caller holds.</summary>
    public static async Task GradeAsync(NpgsqlConnection connection, Guid submission, double score, bool manualPart = false)
    {
        var result = Guid.CreateVersion7();
        await ExecuteAsync(connection, InsertResult, result, submission, 1, score, manualPart);
        await ExecuteAsync(connection,
            "update submissions set status = 'graded', graded_at = now(), current_result_id = $2 where id = $1", submission, result);
    }

    public Task FailAsync(Guid submission) =>
        ExecuteAsync(db, "update submissions set status = 'failed', failure_reason = 'test' where id = $1", submission);

    /// <summary>A regrade batch: a new revision per submission, then one UPDATE pointing every submission at its own.</summary>
    public async Task RegradeAsync(params (Guid Submission, double Score)[] items)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await RegradeAsync(connection, items);
        await transaction.CommitAsync();
    }

    public static async Task RegradeAsync(NpgsqlConnection connection, params (Guid Submission, double Score)[] items)
    {
        var results = new List<Guid>();
        foreach (var (submission, score) in items)
        {
            var result = Guid.CreateVersion7();
            results.Add(result);
            await ExecuteAsync(connection, InsertResult, result, submission,
                await RevisionAsync(connection, submission) + 1, score, false);
        }

        await ExecuteAsync(connection, """
            update submissions s set current_result_id = v.result_id, graded_at = now()
            from unnest($1::uuid[], $2::uuid[]) as v(submission_id, result_id)
            where s.id = v.submission_id
            """, items.Select(i => i.Submission).ToArray(), results.ToArray());
    }

    public Task DeleteAsync(Guid submission) => ExecuteAsync(db, "delete from submissions where id = $1", submission);

    private const string InsertResult = """
        insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
        values ($1, $2, $3, 'v1', $4, 10,
                jsonb_build_array(jsonb_build_object('partId', 'a', 'status', case when $4 > 0 then 'partial' else 'incorrect' end,
                                                     'score', $4, 'maxScore', 10, 'feedback', ''))
                || case when $5 then jsonb_build_array(jsonb_build_object('partId', 'm', 'status', 'manual', 'score', 0,
                                                                           'maxScore', 4, 'feedback', ''))
                        else '[]'::jsonb end,
                now(), 1, 'best')
        """;

    private static async Task<int> RevisionAsync(NpgsqlConnection connection, Guid submission)
    {
        await using var command = new NpgsqlCommand("select max(revision) from results where submission_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = submission });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
