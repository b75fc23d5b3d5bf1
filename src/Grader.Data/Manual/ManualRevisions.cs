using Grader.Data.Entities;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Manual;

/// <summary>
/// Writes a manual grade as a new result revision inside the caller's transaction: the current result's parts with one
/// part replaced, score and max score summed again (a graded manual part counts, an ungraded one stays outside both, as
/// in the first grade), and the submission pointed at it — the summary triggers follow the pointer like a regrade's.
/// </summary>
internal static class ManualRevisions
{
    /// <summary>Locks the submissions in id order, so two re-scores over shared submissions cannot deadlock.</summary>
    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken) => ExecuteAsync(connection, transaction,
        "select id from submissions where id = any($1) order by id for update", cancellationToken, ids.ToArray());

    /// <returns>The new result, or null when the submission has no current result holding the part.</returns>
    public static async Task<ManualRevision?> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid submissionId,
        string partId, double points, string comment, Guid keyId, string graderName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var read = Create(connection, transaction, """
            select r.problem_version, r.variant, r.parts::text as parts, r.score, r.max_score,
                   (select max(x.revision) from results x where x.submission_id = s.id) as last_revision
            from submissions s join results r on r.id = s.current_result_id
            where s.id = $1 and s.status = 'graded'
            """, submissionId);
        var current = (await SqlCommands.ListAsync(read, reader => (Version: reader.Get<string>("problem_version"),
            Variant: reader.Text("variant"), Score: reader.Value<double>("score"), MaxScore: reader.Value<double>("max_score"),
            Parts: PartOutcome.FromJson(reader.Get<string>("parts")), LastRevision: reader.Get<int>("last_revision")),
            cancellationToken)).SingleOrDefault();
        if (current.Parts is null || current.Parts.All(p => p.PartId != partId))
        {
            return null;
        }

        var parts = current.Parts.Select(p => p.PartId != partId ? p : p with
        {
            Status = ManualScore.Status(points, p.MaxScore),
            Score = points,
            Feedback = comment.Length > 0 ? comment : $"Graded by {graderName}.",
        }).ToList();
        var counted = parts.Where(p => p.Status != "manual").ToList();
        var score = ManualScore.Round(counted.Sum(p => p.Score));
        var maxScore = ManualScore.Round(counted.Sum(p => p.MaxScore));
        var id = Guid.CreateVersion7(now);
        await ExecuteAsync(connection, transaction, """
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by,
                                 variant)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10)
            """, cancellationToken, id, submissionId, current.LastRevision + 1, current.Version,
            score, maxScore, Typed(NpgsqlDbType.Jsonb, PartOutcome.ToJson(parts)), now, $"staff: {graderName} (key {keyId})",
            // A staff grade keeps the variant the part was answered on (null for a fixed problem).
            Typed(NpgsqlDbType.Text, current.Variant));
        await ExecuteAsync(connection, transaction, "update submissions set current_result_id = $2 where id = $1",
            cancellationToken, submissionId, id);
        // The LMS holds score out of maxScore: a first grade of an ungraded part changes the maximum even at 0 points.
        return new ManualRevision(id, !Same(current.Score, score) || !Same(current.MaxScore, maxScore));
    }

    private static bool Same(double? before, double after) => before is { } value && Math.Abs(value - after) <= 1e-9;

    /// <summary>The key's name as it is now (a grade records it, so history reads without a join to keys).</summary>
    public static async Task<string> KeyNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid keyId,
        CancellationToken cancellationToken)
    {
        await using var command = Create(connection, transaction, "select name from api_keys where id = $1", keyId);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? keyId.ToString();
    }
}

/// <summary>A result revision a staff grade wrote, and whether its score or maximum differs from the one it replaced.</summary>
internal sealed record ManualRevision(Guid ResultId, bool ScoreChanged);
