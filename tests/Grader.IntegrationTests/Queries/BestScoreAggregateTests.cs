using Grader.Data.Manual;
using Grader.Data.Passback;
using Grader.Data.Queries;
using Npgsql;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// The best-score aggregate of migration 0016 under every write that changes a counted score (a grade, a regrade batch,
/// a manual grade, a rubric re-score, a deletion): after each step the rows the triggers keep, and the gradebook sorted
/// from them, equal the full computation from every graded submission (<see cref="BestScoreCheck"/>).
/// </summary>
public sealed class BestScoreAggregateTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private static readonly DateTimeOffset T1 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddHours(1);
    private static readonly DateTimeOffset T3 = T1.AddHours(2);
    private static readonly DateTimeOffset T4 = T1.AddHours(3);
    private static readonly Guid Grader = Guid.NewGuid();

    [Fact]
    public async Task Best_scores_follow_grades_regrades_that_lower_a_best_manual_grades_rubric_rescores_ties_and_deletes()
    {
        var (writes, check) = Assignment();
        var manual = new ManualGradeStore(fixture.Stack.Db, TimeProvider.System, GradeEventSources.None);

        // s1 p1 3, 5, 4 (best 5); s1 p2 2; s2 p1 a tie at 2 (the later counts); s3 p1 0 with a manual part, then 2; s4 p2 1
        // with a manual part, then 4; s5 p1 only queued and failed, s5 p2 7 and an older one graded later at 7 (a tie the
        // later submission wins); s6 p1 5, its only graded one.
        var s1a = await writes.GradedAsync("s1", "p1", T1, 3);
        var s1b = await writes.GradedAsync("s1", "p1", T2, 5);
        var s1c = await writes.GradedAsync("s1", "p1", T3, 4);
        var s1p2 = await writes.GradedAsync("s1", "p2", T1, 2);
        var s2a = await writes.GradedAsync("s2", "p1", T1, 2);
        var s2b = await writes.GradedAsync("s2", "p1", T2, 2);
        var s3a = await writes.GradedAsync("s3", "p1", T1, 0, manualPart: true);
        var s3b = await writes.GradedAsync("s3", "p1", T2, 2);
        var s4a = await writes.GradedAsync("s4", "p2", T1, 1, manualPart: true);
        var s4b = await writes.GradedAsync("s4", "p2", T2, 4);
        await writes.ReceiveAsync("s5", "p1", T1);
        var failed = await writes.ReceiveAsync("s5", "p1", T2);
        await writes.ClaimAsync(failed);
        await writes.FailAsync(failed);
        var s5older = await writes.ReceiveAsync("s5", "p2", T1);
        var s5b = await writes.GradedAsync("s5", "p2", T2, 7);
        await writes.ClaimAsync(s5older);
        await writes.GradeAsync(s5older, 7);
        var s6 = await writes.GradedAsync("s6", "p1", T1, 5);
        await check.AssertMatchesFullComputationAsync();
        Assert.Equal((s1b, 5.0), await check.BestAsync("s1", "p1"));
        Assert.Equal((s2b, 2.0), await check.BestAsync("s2", "p1"));
        Assert.Equal((s5b, 7.0), await check.BestAsync("s5", "p2"));
        Assert.Null(await check.BestAsync("s5", "p1"));

        // One regrade batch: s1's best falls below two others, s2's later one falls (the earlier counts), s2's earlier one
        // keeps its score, s1 p2's best rises, s3's best falls but stays the best.
        await writes.RegradeAsync((s1b, 1), (s2a, 2), (s2b, 1), (s1p2, 3), (s3b, 0.5));
        await check.AssertMatchesFullComputationAsync();
        Assert.Equal((s1c, 4.0), await check.BestAsync("s1", "p1"));
        Assert.Equal((s2a, 2.0), await check.BestAsync("s2", "p1"));
        Assert.Equal((s1p2, 3.0), await check.BestAsync("s1", "p2"));
        Assert.Equal((s3b, 0.5), await check.BestAsync("s3", "p1"));

        // A manual grade raises s3's older submission to the best (0 + 4), a second one lowers it again (0 + 0).
        Assert.True(await manual.GradeAsync(SeededCourse.Course, Grade(s3a, 4), BestScoreWrites.ManualPoints, CancellationToken.None));
        Assert.Equal((s3a, 4.0), await check.BestAsync("s3", "p1"));
        await check.AssertMatchesFullComputationAsync();
        Assert.True(await manual.GradeAsync(SeededCourse.Course, Grade(s3a, 0), BestScoreWrites.ManualPoints, CancellationToken.None));
        Assert.Equal((s3b, 0.5), await check.BestAsync("s3", "p1"));
        await check.AssertMatchesFullComputationAsync();

        // A rubric item applied to s4's manual part makes it the best (1 + 4); changing the item's points re-scores it below
        // the other (1 + 0), then above it again (1 + 3.5).
        var rubric = new RubricStore(fixture.Stack.Db, TimeProvider.System, GradeEventSources.None);
        var item = (await rubric.AddAsync(SeededCourse.Course, "p2", "m", "full-" + Guid.NewGuid().ToString("N"), 4, "", CancellationToken.None))!;
        Assert.True(await manual.GradeAsync(SeededCourse.Course, Grade(s4a, 0) with { RubricItemIds = [item.Id] },
            BestScoreWrites.ManualPoints, CancellationToken.None));
        Assert.Equal((s4a, 5.0), await check.BestAsync("s4", "p2"));
        await rubric.UpdateAsync(SeededCourse.Course, item.Id, item.Label, 0, "", Grader, CancellationToken.None);
        Assert.Equal((s4b, 4.0), await check.BestAsync("s4", "p2"));
        await check.AssertMatchesFullComputationAsync();
        await rubric.UpdateAsync(SeededCourse.Course, item.Id, item.Label, 3.5, "", Grader, CancellationToken.None);
        Assert.Equal((s4a, 4.5), await check.BestAsync("s4", "p2"));

        // Deleting s1's best counts the next (3 beats the regraded 1); deleting s6's only graded submission removes its row.
        // A new submission tying s1's best wins as the later one.
        await writes.DeleteAsync(s1c);
        await writes.DeleteAsync(s6);
        Assert.Equal((s1a, 3.0), await check.BestAsync("s1", "p1"));
        Assert.Null(await check.BestAsync("s6", "p1"));
        var s1d = await writes.GradedAsync("s1", "p1", T4, 3);
        Assert.Equal((s1d, 3.0), await check.BestAsync("s1", "p1"));
        await check.AssertMatchesFullComputationAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_regrade_lowering_the_best_while_another_submission_is_graded_counts_the_higher_whichever_commits_first(
        bool regradeFirst)
    {
        var (writes, check) = Assignment();
        var best = await writes.GradedAsync("s1", "p1", T1, 5);
        await writes.GradedAsync("s1", "p1", T2, 3);
        var next = await writes.ReceiveAsync("s1", "p1", T3);
        await writes.ClaimAsync(next);
        await using var first = await fixture.Stack.Db.OpenConnectionAsync();
        await using var second = await fixture.Stack.Db.OpenConnectionAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        // 4 is below the best 5 when it is offered, above the 3 that would count once the best falls to 1.
        await (regradeFirst ? BestScoreWrites.RegradeAsync(first, (best, 1)) : BestScoreWrites.GradeAsync(first, next, 4));
        var waiting = regradeFirst ? BestScoreWrites.GradeAsync(second, next, 4) : BestScoreWrites.RegradeAsync(second, (best, 1));
        await WaitForLockAsync(second.ProcessID); // the second waits for the first's row of summary_best
        await firstTransaction.CommitAsync();
        await waiting;
        await secondTransaction.CommitAsync();

        Assert.Equal((next, 4.0), await check.BestAsync("s1", "p1"));
        await check.AssertMatchesFullComputationAsync();
    }

    [Theory]
    [InlineData(GradebookPolicy.Latest)]
    [InlineData(GradebookPolicy.Best)]
    public async Task Sorting_by_total_orders_the_totals_as_numbers_not_as_text(GradebookPolicy policy)
    {
        var (writes, check) = Assignment();
        await writes.GradedAsync("s1", "p1", T1, 10);
        await writes.GradedAsync("s2", "p1", T1, 9.5);
        await writes.GradedAsync("s3", "p1", T1, 2);

        // As text, "9.5…" > "2.0…" > "10.0…".
        Assert.Equal(["s1", "s2", "s3"], await check.StudentsByTotalDescendingAsync(policy, windowed: false));
        Assert.Equal(["s1", "s2", "s3"], await check.StudentsByTotalDescendingAsync(policy, windowed: true));
    }

    private (BestScoreWrites Writes, BestScoreCheck Check) Assignment()
    {
        var assignment = "best-" + Guid.NewGuid().ToString("N")[..8];
        return (new BestScoreWrites(fixture.Stack.Db, assignment), new BestScoreCheck(fixture.Stack.Db, assignment));
    }

    private static ManualGradeInput Grade(Guid submission, double points) => new(submission, "m", points, [], null, "", Grader);

    private async Task WaitForLockAsync(int processId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = fixture.Stack.Db.CreateCommand("select wait_event_type from pg_stat_activity where pid = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = processId });
            if (await command.ExecuteScalarAsync() as string == "Lock")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the second transaction never waited for a lock");
            await Task.Delay(50);
        }
    }
}
