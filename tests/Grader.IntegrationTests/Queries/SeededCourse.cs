using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// A small course written straight into PostgreSQL (no worker), whose summary and gradebook are worked out by hand below.
/// Course 6.036, assignment hw4; p1 has parts a, b (1 point each), p2 has part c (4 points).
/// Counted (latest graded per student and problem): s1 p1 2 + p2 4 = 6 of 6; s2 p1 0 of 2; s3 p1 1 + p2 2 = 3 of 6.
/// </summary>
public static class SeededCourse
{
    public const string Course = "6.036";
    public const string Assignment = "hw4";
    public const string OtherCourse = "cs189";

    public static readonly DateTimeOffset T1 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset T2 = T1.AddHours(1);
    public static readonly DateTimeOffset T3 = T1.AddHours(2);
    public static readonly DateTimeOffset T4 = T1.AddHours(3);
    public static readonly DateTimeOffset T5 = T1.AddHours(4);

    private sealed record Row(string Student, string Problem, DateTimeOffset At, string Status, double Score, object Answers,
        params (string Part, string Status, double Score, double Max)[] Parts);

    private static readonly Row[] Rows =
    [
        new("s1", "p1", T1, "graded", 0, new { a = "x + 1", b = 3 }, ("a", "incorrect", 0, 1), ("b", "incorrect", 0, 1)),
        new("s1", "p1", T2, "graded", 2, new { a = "x", b = 2 }, ("a", "correct", 1, 1), ("b", "correct", 1, 1)),
        new("s1", "p2", T3, "graded", 4, new { c = new[] { 1, 1 } }, ("c", "correct", 4, 4)),
        new("s2", "p1", T1, "graded", 1, new { a = "x", b = 3 }, ("a", "correct", 1, 1), ("b", "incorrect", 0, 1)),
        new("s2", "p1", T4, "graded", 0, new { a = "x+1", b = "((" }, ("a", "incorrect", 0, 1), ("b", "invalid", 0, 1)),
        new("s3", "p1", T2, "graded", 1, new { a = " x  +  1 ", b = 2 }, ("a", "incorrect", 0, 1), ("b", "correct", 1, 1)),
        new("s3", "p2", T2.AddMinutes(30), "graded", 2, new { c = new[] { 1, 2 } }, ("c", "partial", 2, 4)),
        new("s3", "p2", T5, "queued", 0, new { c = new[] { 1, 1 } }),
        new("s4", "p2", T3, "failed", 0, new { c = new[] { 1, 1 } }),
    ];

    /// <summary>Writes the rows above, plus one graded submission of another course; returns that one's id and one of ours.</summary>
    public static async Task<(Guid Own, Guid Other)> SeedAsync(ServiceStack stack)
    {
        Guid own = default;
        foreach (var row in Rows)
        {
            var id = await InsertAsync(stack, Course, Assignment, row);
            own = own == default ? id : own;
        }

        var other = await InsertAsync(stack, OtherCourse, "dis4",
            new Row("s1", "p1", T1, "graded", 1, new { a = "y" }, ("a", "correct", 1, 1)));
        return (own, other);
    }

    private static async Task<Guid> InsertAsync(ServiceStack stack, string course, string assignment, Row row)
    {
        var id = Guid.CreateVersion7(row.At);
        await using var batch = stack.Db.CreateBatch();
        batch.BatchCommands.Add(Command("""
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                     received_at, status, enqueued_at, graded_at)
            values ($1, 'seed', $1::text, $2, $3, $4, $5, $6::jsonb, $7, $7, $8, $7, case when $8 = 'graded' then $7 end)
            """, id, course, assignment, row.Problem, row.Student, JsonSerializer.Serialize(row.Answers), row.At, row.Status));
        if (row.Status == "graded")
        {
            var parts = JsonSerializer.Serialize(row.Parts.Select(p =>
                new { partId = p.Part, status = p.Status, score = p.Score, maxScore = p.Max, feedback = "" }));
            batch.BatchCommands.Add(Command("""
                insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
                values ($1, $1, 1, 'v1', $2, $3, $4::jsonb, $5, 1, 'seed')
                """, id, row.Score, row.Parts.Sum(p => p.Max), parts, row.At));
            batch.BatchCommands.Add(Command("update submissions set current_result_id = $1 where id = $1", id));
        }

        await batch.ExecuteNonQueryAsync();
        return id;
    }

    private static Npgsql.NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new Npgsql.NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        return command;
    }
}
