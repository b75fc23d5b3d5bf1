using Grader.Contracts;
using Grader.Worker.Grading;
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
public sealed class MultiIdMessageTests : IAsyncLifetime
{
    private const int Chunk = 4;
    private const int Count = 6; // two chunks: four, then two
    private readonly WorkerTestDatabase _database = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = GradingHarness.Build(_database.ConnectionString, configure: options => options.BatchMessageLimit = Chunk);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Message_naming_several_submissions_grades_and_announces_each_once_and_counts_one_start_each()
    {
        var ids = await StoreAsync(Count);

        await _harness.Bus.Publish(new GradeSubmissions(ids));
        await WaitUntilAsync(() => Task.FromResult(_harness.AnnouncedIds().Count == Count));

        Assert.Equal(ids.Order(), _harness.AnnouncedIds().Order());
        foreach (var id in ids)
        {
            Assert.Equal("graded", await StatusAsync(id));
            Assert.Equal(1L, await _database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
            // The second chunk's ids count their start too, although the delivery had counted one for the first chunk.
            Assert.Equal(1, await _database.ScalarAsync($"select attempts from submissions where id = '{id}'"));
        }

        Assert.Empty(_harness.Published.Select<Fault<GradeSubmissions>>());
    }

    [Fact]
    public async Task Message_delivered_again_after_its_worker_died_mid_message_grades_each_submission_once()
    {
        var ids = await StoreAsync(Count);
        // As a worker leaves them that committed the first chunk, claimed the second and died: four graded, two grading.
        await _harness.Bus.Publish(new GradeSubmissions(ids[..Chunk]));
        await WaitUntilAsync(() => Task.FromResult(_harness.AnnouncedIds().Count == Chunk));
        await _database.ScalarAsync($"update submissions set status = 'grading', attempts = 1 where id in ({List(ids[Chunk..])})");

        await _harness.Bus.Publish(new GradeSubmissions(ids));
        await WaitUntilAsync(() => Task.FromResult(_harness.AnnouncedIds().Count == Chunk + Count));

        foreach (var id in ids)
        {
            Assert.Equal("graded", await StatusAsync(id));
            Assert.Equal(1L, await _database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
        }

        // The committed chunk is not claimed again; the claimed one counts the redelivery's start.
        Assert.Equal(Chunk, Convert.ToInt32(await _database.ScalarAsync($"select sum(attempts) from submissions where id in ({List(ids[..Chunk])})")));
        Assert.Equal(2 * (Count - Chunk), Convert.ToInt32(await _database.ScalarAsync($"select sum(attempts) from submissions where id in ({List(ids[Chunk..])})")));
        Assert.Empty(_harness.Published.Select<Fault<GradeSubmissions>>());
    }

    [Fact]
    public async Task Submission_whose_result_cannot_be_written_fails_alone_and_the_rest_of_its_message_is_graded_once()
    {
        var ids = await StoreAsync(Count);
        var poison = ids[1];
        await _database.ScalarAsync($"""
            create function reject_poison() returns trigger language plpgsql as $$
            begin
                if new.submission_id = '{poison}' then raise exception 'poison result rejected'; end if;
                return new;
            end $$;
            create trigger tr_reject_poison before insert on results for each row execute function reject_poison();
            """);

        await _harness.Bus.Publish(new GradeSubmissions(ids));
        await WaitUntilAsync(async () => (long)(await _database.ScalarAsync(
            $"select count(*) from submissions where status in ('graded', 'failed') and id in ({List(ids)})"))! == Count);
        await WaitUntilAsync(() => Task.FromResult(_harness.AnnouncedIds().Count == Count - 1));

        Assert.Equal("failed", await StatusAsync(poison));
        Assert.Contains("poison result rejected", (string?)await _database.ScalarAsync($"select failure_reason from submissions where id = '{poison}'"));
        Assert.All(ids.Where(id => id != poison), id => Assert.Contains(id, _harness.AnnouncedIds()));
        Assert.Equal((long)(Count - 1), await _database.ScalarAsync($"select count(*) from results where submission_id in ({List(ids)})"));
        // One start each, although the poisoned chunk's others were claimed twice (chunk, then alone).
        Assert.Equal(Count, Convert.ToInt32(await _database.ScalarAsync($"select sum(attempts) from submissions where id in ({List(ids)})")));
    }

    [Fact]
    public async Task Message_of_several_that_faulted_on_a_broken_submission_sends_each_again_alone_and_fails_none()
    {
        var ids = await StoreAsync(2);

        await _harness.Bus.Publish<Fault<GradeSubmissions>>(MultiIdFaults.Broken(ids));

        await WaitUntilAsync(() => Task.FromResult(_harness.Sent.Select<GradeSubmission>().Count() == ids.Count));
        Assert.Equal(ids.Order(), _harness.Sent.Select<GradeSubmission>().Select(s => s.Context.Message.SubmissionId).Order());
        // Each came back alone and was graded: the fault was no one submission's.
        await WaitUntilAsync(() => Task.FromResult(_harness.AnnouncedIds().Count == ids.Count));
        Assert.All(ids, id => Assert.Equal("graded", StatusAsync(id).Result));
    }

    [Fact]
    public async Task Message_of_one_that_faulted_on_a_broken_submission_marks_it_failed_with_the_reason()
    {
        var ids = await StoreAsync(1);

        await _harness.Bus.Publish<Fault<GradeSubmissions>>(MultiIdFaults.Broken(ids));

        await WaitUntilAsync(async () => await StatusAsync(ids[0]) == "failed");
        Assert.Contains("broken on purpose", (string?)await _database.ScalarAsync($"select failure_reason from submissions where id = '{ids[0]}'"));
        Assert.Empty(_harness.Sent.Select<GradeSubmission>());
        Assert.Empty(_harness.Sent.Select<GradeSubmissions>());
    }

    private async Task<List<Guid>> StoreAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await GradingHarness.StoreSubmissionAsync(_services));
        }

        return ids;
    }

    private async Task<string?> StatusAsync(Guid id) => (string?)await _database.ScalarAsync($"select status from submissions where id = '{id}'");

    private static string List(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(50);
        }
    }
}
