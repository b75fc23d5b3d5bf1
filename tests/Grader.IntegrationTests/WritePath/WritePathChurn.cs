using Grader.Data.Entities;
using Grader.Data.Manual;
using Grader.Data.Passback;
using Grader.Data.Submissions;
using Grader.IntegrationTests.Queries;
using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.WritePath;

/// <summary>
/// Every write path of Grader over one course, in a seeded random order: intake (one multi-row insert, as the API's group
/// commit), the worker's batch claim and batch commit of first grades and failures (<see cref="SubmissionBatchGrades"/>,
/// batches holding several submissions of one student and problem), failed ones graded on a retry, regrade batches,
/// staff grades of manual parts (<see cref="ManualRevisions"/>) and deletions.
/// </summary>
internal sealed class WritePathChurn(NpgsqlDataSource db)
{
    public const string Course = "churn";
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Random _random = new(26);
    private readonly SubmissionBatchGrades _grades = new(db, GradeEventSources.None);

    public async Task RunAsync()
    {
        var submissions = await ReceiveAsync(240);
        var failed = new List<Guid>();
        var graded = new List<Guid>();
        foreach (var batch in submissions.OrderBy(_ => _random.Next()).Chunk(12))
        {
            var (ok, bad) = await GradeAsync(batch);
            graded.AddRange(ok);
            failed.AddRange(bad);
        }

        foreach (var batch in failed.Take(failed.Count / 2).Chunk(5))
        {
            var (ok, _) = await GradeAsync(batch, failSome: false);
            graded.AddRange(ok);
        }

        foreach (var batch in graded.OrderBy(_ => _random.Next()).Take(graded.Count / 3).Chunk(20))
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await BestScoreWrites.RegradeAsync(connection, batch.Select(id => (id, (double)_random.Next(0, 11))).ToArray());
            await transaction.CommitAsync();
        }

        foreach (var id in graded.OrderBy(_ => _random.Next()).Take(40))
        {
            await ManualGradeAsync(id, _random.Next(0, 5));
        }

        foreach (var id in submissions.OrderBy(_ => _random.Next()).Take(25))
        {
            await ExecuteAsync(db, "delete from submissions where id = $1", id);
        }
    }

    /// <summary>20 students, three problems, one to seven submissions each over ten days, some at the same instant.</summary>
    private async Task<List<Guid>> ReceiveAsync(int count)
    {
        var rows = Enumerable.Range(0, count).Select(_ => (
                Student: $"s{_random.Next(20):00}", Problem: $"p{_random.Next(3)}",
                At: Start.AddHours(_random.Next(0, 4) == 0 ? 24 : _random.Next(0, 240))))
            .Select(r => (Id: Guid.CreateVersion7(r.At), r.Student, r.Problem, r.At))
            .ToList();
        await ExecuteAsync(db, """
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                     received_at, status, enqueued_at)
            select id, 'churn', id::text, $5, 'hw', problem_id, student_id, '{"a": "x * (1 - x)", "b": 2.50, "m": "because"}',
                   at, now(), 'queued', now()
            from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as t (id, student_id, problem_id, at)
            order by t.id
            """, rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Student).ToArray(), rows.Select(r => r.Problem).ToArray(),
            rows.Select(r => r.At).ToArray(), Course);
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>The worker's claim, then its one commit of the batch's first grades and failures.</summary>
    private async Task<(List<Guid> Graded, List<Guid> Failed)> GradeAsync(IReadOnlyList<Guid> batch, bool failSome = true)
    {
        var claimed = await _grades.ClaimAsync(batch.Select(id => new ClaimRequest(id, true)).ToList(), DateTimeOffset.UtcNow,
            CancellationToken.None);
        var results = new List<GradingResult>();
        var failures = new List<SubmissionFailure>();
        foreach (var submission in claimed.Select(c => c.Submission))
        {
            if (failSome && _random.Next(6) == 0)
            {
                failures.Add(new SubmissionFailure(submission.Id, "grader crashed"));
                continue;
            }

            var score = _random.Next(0, 3);
            results.Add(new GradingResult
            {
                Id = Guid.CreateVersion7(),
                SubmissionId = submission.Id,
                Revision = 1,
                ProblemVersion = "v1",
                Score = score,
                MaxScore = 4,
                Parts = Parts(score, manual: _random.Next(3) == 0),
                GradedAt = DateTimeOffset.UtcNow,
                DurationMs = 1,
                GradedBy = "churn",
            });
        }

        var commit = await _grades.CommitAsync(results, failures, CancellationToken.None);
        return (commit.Graded.ToList(), commit.Failed.ToList());
    }

    /// <summary>Part a scored 0-2 (wrong below 2, with a tag at 0), part b wrong or right, and an ungraded manual part m.</summary>
    private string Parts(int score, bool manual)
    {
        var a = $$"""{"partId": "a", "status": "{{(score == 2 ? "correct" : score == 1 ? "partial" : "incorrect")}}", "score": {{score}}, "maxScore": 2, "feedback": ""{{(score == 0 ? ", \"tags\": [\"sign\"]" : "")}}}""";
        var bRight = _random.Next(2) == 0;
        var b = $$"""{"partId": "b", "status": "{{(bRight ? "correct" : "incorrect")}}", "score": 0, "maxScore": 0, "feedback": ""}""";
        var m = manual ? """, {"partId": "m", "status": "manual", "score": 0, "maxScore": 4, "feedback": ""}""" : "";
        return $"[{a}, {b}{m}]";
    }

    /// <summary>A staff grade of part m where the current result has one (ManualGradeStore's writes, without the API).</summary>
    private async Task ManualGradeAsync(Guid submission, double points)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ManualRevisions.LockAsync(connection, transaction, [submission], CancellationToken.None);
        var revision = await ManualRevisions.WriteAsync(connection, transaction, submission, "m", points, "", Guid.Empty, "staff",
            DateTimeOffset.UtcNow, CancellationToken.None);
        if (revision is null)
        {
            return;
        }

        await using (var command = new NpgsqlCommand("""
            insert into manual_grades (submission_id, part_id, points, max_points, graded_by_key, graded_by_name, graded_at, result_id)
            values ($1, 'm', $2, 4, $3, 'staff', now(), $4)
            on conflict (submission_id, part_id) do update set points = excluded.points, result_id = excluded.result_id
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = submission });
            command.Parameters.Add(new NpgsqlParameter { Value = points });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            command.Parameters.Add(new NpgsqlParameter { Value = revision.ResultId });
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
