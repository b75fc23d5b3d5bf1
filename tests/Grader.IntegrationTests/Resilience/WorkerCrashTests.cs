using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

public sealed class WorkerCrashTests
{
    private const int Batch = 200;

    [Fact]
    public async Task Worker_killed_mid_batch_leaves_every_submission_graded_exactly_once()
    {
        await using var stack = await ServiceStack.StartAsync();
        var ids = await Submissions.PostManyAsync(stack, Batch);
        // Batches of two, one at a time, with a deep prefetch: the kill finds graded, in-flight and prefetched messages.
        var first = stack.StartWorker(new Dictionary<string, string>
        {
            ["Worker__BatchMessageLimit"] = "2",
            ["Worker__BatchConcurrencyLimit"] = "1",
            ["Worker__PrefetchCount"] = "50",
        });

        await Eventually.HoldsAsync(async () => await Graded(stack) >= 10, TimeSpan.FromSeconds(60), "the first grades");
        first.Kill();
        var gradedAtKill = await Graded(stack);
        Assert.True(gradedAtKill < Batch, $"the worker finished all {Batch} before it was killed; the test proves nothing");

        stack.StartWorker();
        await Eventually.HoldsAsync(async () => await Graded(stack) == Batch, TimeSpan.FromSeconds(120), "every grade");

        Assert.Equal(Batch, await stack.ScalarAsync("select count(*) from results"));
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from (select submission_id from results group by submission_id having count(*) > 1) d"));
        Assert.Equal(2, await stack.ScalarAsync("select count(distinct graded_by) from results"));
        Assert.Equal(Batch, ids.Count);
    }

    private static Task<long> Graded(ServiceStack stack) => stack.ScalarAsync("select count(*) from submissions where status = 'graded'");
}
