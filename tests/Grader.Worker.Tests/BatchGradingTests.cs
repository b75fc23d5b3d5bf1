using Grader.Contracts;
using Grader.Worker.Grading;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>
/// Deliveries graded in batches (one claim, one commit for the batch) keep the single grade's guarantees: a submission that
/// breaks the batch's write fails alone, and a batch delivered again (its worker died before or after the commit) grades
/// each submission once.
/// </summary>
public sealed class BatchGradingTests : HarnessTestBase
{
    private const int BatchSize = 4;

    // Batches of four that wait long enough to fill, so each test's four deliveries are one batch.
    protected override ServiceProvider BuildServices(string connectionString) =>
        GradingHarness.Build(connectionString, configure: options =>
        {
            options.BatchMessageLimit = BatchSize;
            options.BatchTimeLimit = TimeSpan.FromSeconds(3);
        });

    [Fact]
    public async Task Submission_whose_result_cannot_be_written_fails_alone_and_the_rest_of_its_batch_is_graded_once()
    {
        var ids = await StoreSubmissionsAsync(BatchSize);
        var poison = ids[2];
        // The database refuses this one submission's result (not a transient error): the batch's one write fails for all four.
        await Database.RejectResultOfAsync(poison);

        await PublishAsync(ids);

        await WaitUntilAsync(async () => (long)(await Database.ScalarAsync(
            $"select count(*) from submissions where status in ('graded', 'failed') and id in ({SqlList(ids)})"))! == BatchSize);
        var batches = Harness.GetConsumerHarness<GradeSubmissionBatchConsumer>().Consumed.Select<Batch<GradeSubmission>>().ToList();
        Assert.Contains(batches, b => b.Context.Message.Length == BatchSize);
        Assert.Equal("failed", await StatusAsync(poison));
        Assert.Contains("poison result rejected", (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{poison}'"));
        foreach (var id in ids.Where(id => id != poison))
        {
            Assert.Equal("graded", await StatusAsync(id));
            Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
        }

        Assert.Equal(0L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{poison}'"));
        // Each delivery counted one start, although the three good ones were claimed twice (batch, then alone).
        Assert.Equal(BatchSize, Convert.ToInt32(await Database.ScalarAsync($"select sum(attempts) from submissions where id in ({SqlList(ids)})")));
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Count() == BatchSize - 1));
        Assert.DoesNotContain(Harness.Published.Select<SubmissionGraded>(), p => p.Context.Message.SubmissionId == poison);
    }

    [Fact]
    public async Task Batch_delivered_again_after_its_worker_died_before_or_after_the_commit_grades_each_submission_once()
    {
        var ids = await StoreSubmissionsAsync(BatchSize);
        // As a worker leaves them that claimed the batch and died before its commit: grading, one start counted, no result.
        await Database.ScalarAsync($"update submissions set status = 'grading', attempts = 1 where id in ({SqlList(ids)})");

        await PublishAsync(ids);
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Count() == BatchSize));
        // Delivered once more, as when a worker dies after the commit but before the acknowledgement.
        await PublishAsync(ids);
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Count() == 2 * BatchSize));

        foreach (var id in ids)
        {
            Assert.Equal("graded", await StatusAsync(id));
            Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
            Assert.Equal(2, await Database.ScalarAsync($"select attempts from submissions where id = '{id}'"));
            // Announced again by the second delivery, with the grade the first one committed.
            var announced = Harness.Published.Select<SubmissionGraded>().Where(p => p.Context.Message.SubmissionId == id)
                .Select(p => p.Context.Message).ToList();
            Assert.Equal(2, announced.Count);
            Assert.Equal(announced[0] with { GradedAt = default }, announced[1] with { GradedAt = default });
            Assert.Equal(announced[0].GradedAt, announced[1].GradedAt, TimeSpan.FromMilliseconds(1)); // as stored: microseconds
        }

        Assert.Empty(Harness.Published.Select<Fault<GradeSubmission>>());
    }

    [Fact]
    public async Task Two_deliveries_of_one_submission_in_one_batch_write_one_result_and_count_one_start()
    {
        var ids = await StoreSubmissionsAsync(BatchSize - 2);
        var twice = ids[0];

        await PublishAsync([.. ids, twice, twice]);
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Count() == BatchSize));

        Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{twice}'"));
        Assert.Equal(1, await Database.ScalarAsync($"select attempts from submissions where id = '{twice}'"));
        Assert.Equal(3, Harness.Published.Select<SubmissionGraded>().Count(p => p.Context.Message.SubmissionId == twice));
    }

    [Fact]
    public async Task Batch_stores_each_results_part_outcomes_from_its_answers_without_the_row_trigger()
    {
        var ids = await StoreSubmissionsAsync(BatchSize);
        // The batch's insert computes the outcomes itself; the row trigger that would read each submission again is gone.
        await Database.ScalarAsync("drop trigger tr_results_part_outcomes on results");

        await PublishAsync(ids);
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Count() == BatchSize));

        Assert.Equal((long)BatchSize, await Database.ScalarAsync($"""
            select count(*) from results r join submissions s on s.id = r.submission_id
            where s.id in ({SqlList(ids)}) and s.status = 'graded' and jsonb_array_length(r.part_outcomes) > 0
                  and r.part_outcomes = summary_part_outcomes(r.parts, s.answers)
            """));
    }

    private async Task PublishAsync(IEnumerable<Guid> ids) =>
        await Task.WhenAll(ids.Select(id => Harness.Bus.Publish(new GradeSubmission(id))));
}
