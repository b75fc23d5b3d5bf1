namespace Grader.IntegrationTests.Queries;

/// <summary>
/// The triggers of migration 0004 under every write path: each test writes its own assignment of the seeded course and
/// reads the unwindowed summary, which comes from the aggregates.
/// </summary>
public sealed class SummaryAggregateTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private static readonly DateTimeOffset T1 = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddHours(1);

    [Fact]
    public async Task New_graded_submission_replaces_the_counted_one()
    {
        var writes = Writes(out var path);
        await GradedAsync(writes, "s1", T1, score: 0);

        await GradedAsync(writes, "s1", T2, score: 2);

        var summary = await QueryClient.GetJsonAsync(fixture.Stack, path);
        Assert.Equal(1, summary.GetProperty("students").GetInt64());
        Assert.Equal(2, summary.GetProperty("score").GetProperty("mean").GetDouble());
        Assert.Equal(2, summary.GetProperty("byStatus").GetProperty("graded").GetInt64());
    }

    [Fact]
    public async Task Older_submission_graded_later_does_not_replace_the_counted_one()
    {
        var writes = Writes(out var path);
        var older = await writes.ReceiveAsync("s1", T1);
        await GradedAsync(writes, "s1", T2, score: 2);

        await writes.ClaimAsync(older);
        await writes.GradeAsync(older, 0);

        var summary = await QueryClient.GetJsonAsync(fixture.Stack, path);
        Assert.Equal(2, summary.GetProperty("score").GetProperty("mean").GetDouble());
        Assert.Equal(2, summary.GetProperty("byStatus").GetProperty("graded").GetInt64());
    }

    [Fact]
    public async Task Regrade_of_the_counted_submission_updates_its_score_and_parts_and_a_regrade_of_an_older_one_does_not()
    {
        var writes = Writes(out var path);
        var older = await GradedAsync(writes, "s1", T1, score: 1);
        var counted = await GradedAsync(writes, "s1", T2, score: 0);

        await writes.RegradeAsync(counted, 2);
        await writes.RegradeAsync(older, 0);

        var summary = await QueryClient.GetJsonAsync(fixture.Stack, path);
        Assert.Equal(2, summary.GetProperty("score").GetProperty("mean").GetDouble());
        var part = Assert.Single(summary.GetProperty("parts").EnumerateArray());
        Assert.Equal((1, 0), (part.GetProperty("correct").GetInt32(), part.GetProperty("incorrect").GetInt32()));
    }

    [Fact]
    public async Task Status_counters_follow_queued_then_grading_then_graded_or_failed()
    {
        var writes = Writes(out var path);
        var graded = await writes.ReceiveAsync("s1", T1);
        var failed = await writes.ReceiveAsync("s2", T1);
        Assert.Equal((2, 0, 0, 0), await StatusesAsync(path));

        await writes.ClaimAsync(graded);
        await writes.ClaimAsync(failed);
        Assert.Equal((0, 2, 0, 0), await StatusesAsync(path));

        await writes.GradeAsync(graded, 2);
        await writes.FailAsync(failed);
        Assert.Equal((0, 0, 1, 1), await StatusesAsync(path));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_workers_grading_one_students_problem_at_once_count_the_newer_submission_whichever_commits_first(bool newerFirst)
    {
        var writes = Writes(out var path);
        var older = await writes.ReceiveAsync("s1", T1);
        var newer = await writes.ReceiveAsync("s1", T2);
        await using var first = await fixture.Stack.Db.OpenConnectionAsync();
        await using var second = await fixture.Stack.Db.OpenConnectionAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        await SubmissionWrites.GradeAsync(first, newerFirst ? newer : older, newerFirst ? 2 : 0);
        var waiting = SubmissionWrites.GradeAsync(second, newerFirst ? older : newer, newerFirst ? 0 : 2); // waits for the first's row lock
        await firstTransaction.CommitAsync();
        await waiting;
        await secondTransaction.CommitAsync();

        var summary = await QueryClient.GetJsonAsync(fixture.Stack, path);
        Assert.Equal(1, summary.GetProperty("students").GetInt64());
        Assert.Equal(2, summary.GetProperty("score").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task Aggregates_kept_by_the_triggers_equal_a_rebuild_from_scratch()
    {
        var writes = Writes(out var path);
        var regraded = await GradedAsync(writes, "s1", T1, score: 1);
        await GradedAsync(writes, "s2", T1, score: 0);
        await GradedAsync(writes, "s2", T2, score: 2);
        await writes.RegradeAsync(regraded, 2);
        var failed = await writes.ReceiveAsync("s3", T2);
        await writes.ClaimAsync(failed);
        await writes.FailAsync(failed);
        await writes.ReceiveAsync("s3", T2.AddMinutes(1));
        var kept = (await QueryClient.GetJsonAsync(fixture.Stack, path)).GetRawText();

        await using (var rebuild = fixture.Stack.Db.CreateCommand("select summary_rebuild()"))
        {
            await rebuild.ExecuteNonQueryAsync();
        }

        Assert.Equal((await QueryClient.GetJsonAsync(fixture.Stack, path)).GetRawText(), kept);
    }

    private SubmissionWrites Writes(out string path)
    {
        var assignment = "agg-" + Guid.NewGuid().ToString("N")[..8];
        path = $"/api/v1/courses/{SeededCourse.Course}/assignments/{assignment}/summary";
        return new SubmissionWrites(fixture.Stack.Db, assignment);
    }

    private static async Task<Guid> GradedAsync(SubmissionWrites writes, string student, DateTimeOffset at, double score)
    {
        var id = await writes.ReceiveAsync(student, at);
        await writes.ClaimAsync(id);
        await writes.GradeAsync(id, score);
        return id;
    }

    private async Task<(long Queued, long Grading, long Graded, long Failed)> StatusesAsync(string path)
    {
        var byStatus = (await QueryClient.GetJsonAsync(fixture.Stack, path)).GetProperty("byStatus");
        long Count(string status) => byStatus.GetProperty(status).GetInt64();
        return (Count("queued"), Count("grading"), Count("graded"), Count("failed"));
    }
}
