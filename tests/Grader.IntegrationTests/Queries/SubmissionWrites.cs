using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// Writes to submissions and results the way each write path of Grader does (webhook intake, claim, grade, failure,
/// regrade revision), straight into PostgreSQL, so the summary triggers are tested without waiting for a worker.
/// </summary>
internal sealed class SubmissionWrites(NpgsqlDataSource db, string assignment)
{
    public const string Problem = "p1";

    /// <summary>Webhook intake: a queued submission of <paramref name="student"/> submitted at <paramref name="at"/>.</summary>
    public async Task<Guid> ReceiveAsync(string student, DateTimeOffset at, string problem = Problem)
    {
        var id = Guid.CreateVersion7(at);
        await ExecuteAsync(db, """
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                     received_at, status, enqueued_at)
            values ($1, 'writes', $1::text, $2, $3, $4, $5, '{"a": "x + 1"}', $6, now(), 'queued', now())
            """, id, SeededCourse.Course, assignment, problem, student, at);
        return id;
    }

    /// <summary>A worker claims the submission (SubmissionGrader's first update).</summary>
    public Task ClaimAsync(Guid submission) =>
        ExecuteAsync(db, "update submissions set status = 'grading', attempts = attempts + 1 where id = $1", submission);

    public Task FailAsync(Guid submission) =>
        ExecuteAsync(db, "update submissions set status = 'failed', failure_reason = 'test' where id = $1", submission);

    /// <summary>The grader's commit: the first result and the status in one transaction.</summary>
    public async Task GradeAsync(Guid submission, double score)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await GradeAsync(connection, submission, score);
        await transaction.CommitAsync();
    }

    public static async Task GradeAsync(NpgsqlConnection connection, Guid submission, double score)
    {
        var result = Guid.CreateVersion7();
        await ExecuteAsync(connection, InsertResult, result, submission, 1, score);
        await ExecuteAsync(connection,
            "update submissions set status = 'graded', graded_at = now(), current_result_id = $2 where id = $1", submission, result);
    }

    /// <summary>A regrade batch: a new result revision becomes the current one; the status stays graded.</summary>
    public async Task RegradeAsync(Guid submission, double score)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = Guid.CreateVersion7();
        await ExecuteAsync(connection, InsertResult, result, submission, 2, score);
        await ExecuteAsync(connection, "update submissions set current_result_id = $2, graded_at = now() where id = $1", submission, result);
        await transaction.CommitAsync();
    }

    /// <summary>Removes the submission (its results go with it, by cascade).</summary>
    public Task DeleteAsync(Guid submission) => ExecuteAsync(db, "delete from submissions where id = $1", submission);

    /// <summary>Corrects the submission's time (effective_submitted_at follows submitted_at).</summary>
    public Task MoveAsync(Guid submission, DateTimeOffset at) =>
        ExecuteAsync(db, "update submissions set submitted_at = $2 where id = $1", submission, at);

    /// <summary>Each graded submission of the assignment with the superseded_at the triggers of migration 0025 stored.</summary>
    public async Task<List<(Guid Id, DateTimeOffset? Next)>> SupersededAtAsync()
    {
        await using var command = db.CreateCommand("""
            select id, superseded_at from submissions
            where course = $1 and assignment = $2 and status = 'graded' and current_result_id is not null
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = SeededCourse.Course });
        command.Parameters.Add(new NpgsqlParameter { Value = assignment });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, DateTimeOffset?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return rows;
    }

    private const string InsertResult = """
        insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
        values ($1, $2, $3, 'v1', $4, 2, jsonb_build_array(jsonb_build_object('partId', 'a', 'status',
                case when $4 >= 2 then 'correct' else 'incorrect' end, 'score', $4, 'maxScore', 2)), now(), 1, 'writes')
        """;
}
