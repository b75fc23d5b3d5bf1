using Grader.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>
/// One <see cref="GradeSubmissions"/> per intake commit, graded as a batch of single commands is: in chunks of
/// <c>Worker:BatchMessageLimit</c> ids a claim and commit, each submission once, one start counted per delivery that
/// claimed it, a submission that breaks its chunk's write failing alone, and a redelivery after a worker died mid-message
/// grading only what was not committed.
/// </summary>
public sealed class MultiIdMessageTests : HarnessTestBase
{
    private const int Chunk = 4;
    private const int Count = 6; // two chunks: four, then two

    protected override ServiceProvider BuildServices(string connectionString) =>
        GradingHarness.Build(connectionString, configure: options => options.BatchMessageLimit = Chunk);

    [Fact]
    public async Task Message_naming_several_submissions_grades_and_announces_each_once_and_counts_one_start_each()
    {
        var ids = await StoreSubmissionsAsync(Count);

        await Harness.Bus.Publish(new GradeSubmissions(ids));
        await WaitUntilAsync(() => Task.FromResult(Harness.AnnouncedIds().Count == Count));

        Assert.Equal(ids.Order(), Harness.AnnouncedIds().Order());
        foreach (var id in ids)
        {
            Assert.Equal("graded", await StatusAsync(id));
            Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
            // The second chunk's ids count their start too, although the delivery had counted one for the first chunk.
            Assert.Equal(1, await Database.ScalarAsync($"select attempts from submissions where id = '{id}'"));
        }

        Assert.Empty(Harness.Published.Select<Fault<GradeSubmissions>>());
    }

    [Fact]
    public async Task Message_delivered_again_after_its_worker_died_mid_message_grades_each_submission_once()
    {
        var ids = await StoreSubmissionsAsync(Count);
        // As a worker leaves them that committed the first chunk, claimed the second and died: four graded, two grading.
        await Harness.Bus.Publish(new GradeSubmissions(ids[..Chunk]));
        await WaitUntilAsync(() => Task.FromResult(Harness.AnnouncedIds().Count == Chunk));
        await Database.ScalarAsync($"update submissions set status = 'grading', attempts = 1 where id in ({SqlList(ids[Chunk..])})");

        await Harness.Bus.Publish(new GradeSubmissions(ids));
        await WaitUntilAsync(() => Task.FromResult(Harness.AnnouncedIds().Count == Chunk + Count));

        foreach (var id in ids)
        {
            Assert.Equal("graded", await StatusAsync(id));
            Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
        }

        // The committed chunk is not claimed again; the claimed one counts the redelivery's start.
        Assert.Equal(Chunk, Convert.ToInt32(await Database.ScalarAsync($"select sum(attempts) from submissions where id in ({SqlList(ids[..Chunk])})")));
        Assert.Equal(2 * (Count - Chunk), Convert.ToInt32(await Database.ScalarAsync($"select sum(attempts) from submissions where id in ({SqlList(ids[Chunk..])})")));
        Assert.Empty(Harness.Published.Select<Fault<GradeSubmissions>>());
    }

    [Fact]
    public async Task Submission_whose_result_cannot_be_written_fails_alone_and_the_rest_of_its_message_is_graded_once()
    {
        var ids = await StoreSubmissionsAsync(Count);
        var poison = ids[1];
        await Database.RejectResultOfAsync(poison);

        await Harness.Bus.Publish(new GradeSubmissions(ids));
        await WaitUntilAsync(async () => (long)(await Database.ScalarAsync(
            $"select count(*) from submissions where status in ('graded', 'failed') and id in ({SqlList(ids)})"))! == Count);
        await WaitUntilAsync(() => Task.FromResult(Harness.AnnouncedIds().Count == Count - 1));

        Assert.Equal("failed", await StatusAsync(poison));
        Assert.Contains("poison result rejected", (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{poison}'"));
        Assert.All(ids.Where(id => id != poison), id => Assert.Contains(id, Harness.AnnouncedIds()));
        Assert.Equal((long)(Count - 1), await Database.ScalarAsync($"select count(*) from results where submission_id in ({SqlList(ids)})"));
        // One start each, although the poisoned chunk's others were claimed twice (chunk, then alone).
        Assert.Equal(Count, Convert.ToInt32(await Database.ScalarAsync($"select sum(attempts) from submissions where id in ({SqlList(ids)})")));
    }

    [Fact]
    public async Task Message_of_several_that_faulted_on_a_broken_submission_sends_each_again_alone_and_fails_none()
    {
        var ids = await StoreSubmissionsAsync(2);

        await Harness.Bus.Publish<Fault<GradeSubmissions>>(MultiIdFaults.Broken(ids));

        await WaitUntilAsync(() => Task.FromResult(Harness.Sent.Select<GradeSubmission>().Count() == ids.Count));
        Assert.Equal(ids.Order(), Harness.Sent.Select<GradeSubmission>().Select(s => s.Context.Message.SubmissionId).Order());
        // Each came back alone and was graded: the fault was no one submission's.
        await WaitUntilAsync(() => Task.FromResult(Harness.AnnouncedIds().Count == ids.Count));
        Assert.All(ids, id => Assert.Equal("graded", StatusAsync(id).Result));
    }

    [Fact]
    public async Task Message_of_one_that_faulted_on_a_broken_submission_marks_it_failed_with_the_reason()
    {
        var ids = await StoreSubmissionsAsync(1);

        await Harness.Bus.Publish<Fault<GradeSubmissions>>(MultiIdFaults.Broken(ids));

        await WaitUntilAsync(async () => await StatusAsync(ids[0]) == "failed");
        Assert.Contains("broken on purpose", (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{ids[0]}'"));
        Assert.Empty(Harness.Sent.Select<GradeSubmission>());
        Assert.Empty(Harness.Sent.Select<GradeSubmissions>());
    }
}
