using Grader.Data.Manual;
using Grader.Data.Passback;
using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// A rubric re-score and a regrade batch over the same students, run at once, take their locks in one order and never
/// deadlock. Both lock their own submissions first, in id order; then each changed score offers its key's summary_best row
/// (migration 0016). The regrade offers all its keys in one statement, in key order; the re-score used to offer them one
/// submission at a time in submission-id order, and where that order is not the key order (here on purpose: each student's
/// re-scored submission is older the later the student sorts), the two waited on each other's rows crosswise.
/// </summary>
public sealed class RescoreRegradeLockOrderTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const int Students = 16;
    private const int Rounds = 8;
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_rubric_rescore_and_a_regrade_batch_sharing_students_never_deadlock()
    {
        var assignment = "lock-" + Guid.NewGuid().ToString("N")[..8];
        var writes = new BestScoreWrites(fixture.Stack.Db, assignment);
        var manual = new ManualGradeStore(fixture.Stack.Db, TimeProvider.System, GradeEventSources.None);
        var rubric = new RubricStore(fixture.Stack.Db, TimeProvider.System, GradeEventSources.None);
        var item = (await rubric.AddAsync(SeededCourse.Course, "p2", "m", "lock-" + Guid.NewGuid().ToString("N"), 1, "",
            CancellationToken.None))!;
        var grader = Guid.NewGuid();
        var regraded = new List<Guid>();
        for (var i = 0; i < Students; i++)
        {
            // Student s00's re-scored submission has the greatest id, s15's the least: id order is the keys' reverse.
            var student = $"s{i:D2}";
            var older = await writes.GradedAsync(student, "p2", T0.AddMinutes(-i), 1, manualPart: true);
            Assert.True(await manual.GradeAsync(SeededCourse.Course,
                new ManualGradeInput(older, "m", 0, [item.Id], null, "", grader), BestScoreWrites.ManualPoints, CancellationToken.None));
            regraded.Add(await writes.GradedAsync(student, "p2", T0.AddHours(1), 2));
        }

        for (var round = 0; round < Rounds; round++)
        {
            // Every score changes each round, so both sides offer every student's row of summary_best.
            var points = round % 2 == 0 ? 3 : 1;
            var score = round % 2 == 0 ? 2.5 : 2;
            var rescore = Task.Run(() => rubric.UpdateAsync(SeededCourse.Course, item.Id, item.Label, points, "", grader,
                CancellationToken.None));
            var regrade = Task.Run(() => RegradeBatchAsync(regraded.Select(id => (id, score)).ToArray()));

            var deadlocks = new List<string>();
            foreach (var task in new Task[] { rescore, regrade })
            {
                try
                {
                    await task;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
                {
                    deadlocks.Add(e.MessageText);
                }
            }

            Assert.True(deadlocks.Count == 0, $"round {round}: {string.Join("; ", deadlocks)}");
            Assert.Equal(Students, (await rescore)!.Rescored);
        }

        await new BestScoreCheck(fixture.Stack.Db, assignment).AssertMatchesFullComputationAsync();
    }

    /// <summary>As RegradeBatchStore: the batch's submissions locked in id order, then the revisions and one UPDATE.</summary>
    private async Task RegradeBatchAsync((Guid Submission, double Score)[] items)
    {
        await using var connection = await fixture.Stack.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "select id from submissions where id = any($1) order by id for update",
            items.Select(i => i.Submission).ToArray());
        await BestScoreWrites.RegradeAsync(connection, items);
        await transaction.CommitAsync();
    }
}
