using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

public sealed class GracefulShutdownTests
{
    private const int Batch = 200;

    // The worker's host gives in-flight grades 30 s (WorkerServices); a little more for a busy 2-core machine.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(40);

    // Batches of two, one batch at a time, with a deep prefetch (slow enough to be stopped midway); the sweeper stays out
    // of the way, so every message is the API's one and a second claim of a submission could only come from an
    // interrupted grade.
    private static readonly Dictionary<string, string> SlowWorker = new()
    {
        ["Worker__BatchMessageLimit"] = "2",
        ["Worker__BatchConcurrencyLimit"] = "1",
        ["Worker__PrefetchCount"] = "50",
        ["Sweeper__QueuedAge"] = "00:10:00",
    };

    [Fact]
    public async Task Worker_stopped_with_SIGTERM_mid_batch_exits_0_and_leaves_every_submission_graded_once_in_one_attempt()
    {
        await using var stack = await ServiceStack.StartAsync();
        await Submissions.PostManyAsync(stack, Batch);
        var first = stack.StartWorker(SlowWorker);
        await Eventually.HoldsAsync(async () => await Graded(stack) >= 10, TimeSpan.FromSeconds(60), "the first grades");

        Assert.True(await first.TerminateAsync(ShutdownTimeout), $"the worker did not exit within {ShutdownTimeout.TotalSeconds:F0} s of SIGTERM");
        Assert.Equal(0, first.ExitCode);
        var gradedAtStop = await Graded(stack);
        Assert.True(gradedAtStop < Batch, $"the worker finished all {Batch} before it was stopped; the test proves nothing");
        // A graceful stop finishes what it started: nothing is left claimed.
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from submissions where status = 'grading'"));

        stack.StartWorker(new Dictionary<string, string> { ["Sweeper__QueuedAge"] = "00:10:00" });
        await Eventually.HoldsAsync(async () => await Graded(stack) == Batch, TimeSpan.FromSeconds(120), "every grade");

        Assert.Equal(Batch, await stack.ScalarAsync("select count(*) from results"));
        Assert.Equal(Batch, await stack.ScalarAsync("select count(distinct submission_id) from results"));
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from submissions where attempts <> 1"));
        Assert.Equal(gradedAtStop, await stack.ScalarAsync($"select count(*) from results where graded_by like '%/{first.ProcessId}'"));
    }

    private static Task<long> Graded(ServiceStack stack) => stack.ScalarAsync("select count(*) from submissions where status = 'graded'");
}
