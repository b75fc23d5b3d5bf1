using Grader.Data.Entities;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Submissions;

/// <summary>
/// Intake's group commit: the webhooks that arrived together are stored by one multi-row insert, one round trip and one
/// commit (one WAL flush) for all of them, each once per (source, externalId).
/// </summary>
public sealed class SubmissionBatchInsert(NpgsqlDataSource dataSource)
{
    // Every column the single-row insert stored (migrations 0001, 0014); anything else keeps its default.
    // Sorted by the unique key so that two API processes inserting overlapping batches take its locks in the same order.
    private const string Sql = """
        insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                 received_at, status, enqueued_at, lti_line_item, lti_user_id)
        select id, source, external_id, course, assignment, problem_id, student_id, answers::jsonb, submitted_at,
               received_at, status, enqueued_at, lti_line_item, lti_user_id
        from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                    $9::timestamptz[], $10::timestamptz[], $11::text[], $12::timestamptz[], $13::text[], $14::text[])
             as t(id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                  received_at, status, enqueued_at, lti_line_item, lti_user_id)
        order by source, external_id
        on conflict (source, external_id) do nothing
        returning id
        """;

    /// <summary>
    /// Inserts every new submission of <paramref name="submissions"/> in one statement and commits it; one whose
    /// (source, externalId) is already stored is skipped. A concurrent insert of the same key elsewhere is waited for.
    /// </summary>
    /// <returns>The ids that were inserted; the others are repeats of stored deliveries.</returns>
    public async Task<HashSet<Guid>> InsertNewAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, Sql,
            Column(submissions, NpgsqlDbType.Uuid, s => s.Id),
            Column(submissions, NpgsqlDbType.Text, s => s.Source),
            Column(submissions, NpgsqlDbType.Text, s => s.ExternalId),
            Column(submissions, NpgsqlDbType.Text, s => s.Course),
            Column(submissions, NpgsqlDbType.Text, s => s.Assignment),
            Column(submissions, NpgsqlDbType.Text, s => s.ProblemId),
            Column(submissions, NpgsqlDbType.Text, s => s.StudentId),
            Column(submissions, NpgsqlDbType.Text, s => s.Answers),
            Column(submissions, NpgsqlDbType.TimestampTz, s => s.SubmittedAt?.ToUniversalTime()),
            Column(submissions, NpgsqlDbType.TimestampTz, s => s.ReceivedAt.ToUniversalTime()),
            Column(submissions, NpgsqlDbType.Text, s => s.Status.Name()),
            Column(submissions, NpgsqlDbType.TimestampTz, s => s.EnqueuedAt.ToUniversalTime()),
            Column(submissions, NpgsqlDbType.Text, s => s.LtiLineItem),
            Column(submissions, NpgsqlDbType.Text, s => s.LtiUserId));
        return [.. await SqlCommands.ListAsync(command, reader => reader.Get<Guid>("id"), cancellationToken)];
    }

    private static NpgsqlParameter Column<T>(IReadOnlyList<Submission> submissions, NpgsqlDbType type, Func<Submission, T> value) =>
        SqlCommands.Typed(NpgsqlDbType.Array | type, submissions.Select(value).ToArray());
}
