using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

public sealed class CompetingWorkersTests
{
    private const int Batch = 120;

    [Fact]
    public async Task Two_workers_share_the_queue_and_grade_each_submission_once()
    {
        await using var stack = await ServiceStack.StartAsync();
        var settings = new Dictionary<string, string> { ["Worker__ConcurrentMessageLimit"] = "2", ["Worker__PrefetchCount"] = "4" };
        stack.StartWorker(settings);
        stack.StartWorker(settings);
        await stack.WaitForConsumersAsync(2);

        await Submissions.PostManyAsync(stack, Batch);
        await Eventually.HoldsAsync(
            async () => await stack.ScalarAsync("select count(*) from submissions where status = 'graded'") == Batch,
            TimeSpan.FromSeconds(120), "every grade");

        Assert.Equal(Batch, await stack.ScalarAsync("select count(*) from results"));
        Assert.Equal(Batch, await stack.ScalarAsync("select count(distinct submission_id) from results"));
        Assert.Equal(2, await stack.ScalarAsync("select count(distinct graded_by) from results"));
    }
}
