using Grader.Data.Entities;
using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.WritePath;

/// <summary>
/// The rows the write-path tests send through the worker's statements: a queued submission as the intake stores it, and
/// a one-part result for it. <c>source</c> names the course too, so each test's rows are its own.
/// </summary>
internal static class WritePathRows
{
    public static async Task<Guid> QueuedAsync(NpgsqlDataSource db, string source, string student, DateTimeOffset submittedAt)
    {
        var id = Guid.CreateVersion7(submittedAt);
        await ExecuteAsync(db, """
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                     received_at, status, enqueued_at)
            values ($1, $4, $1::text, $4, 'hw', 'p1', $2, '{"a": "x"}', $3, now(), 'queued', now())
            """, id, student, submittedAt, source);
        return id;
    }

    public static GradingResult Result(Guid submission, string gradedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        SubmissionId = submission,
        Revision = 1,
        ProblemVersion = "v1",
        Score = 1,
        MaxScore = 1,
        Parts = """[{"partId": "a", "status": "correct", "score": 1, "maxScore": 1, "feedback": ""}]""",
        GradedAt = DateTimeOffset.UtcNow,
        DurationMs = 1,
        GradedBy = gradedBy,
    };
}
