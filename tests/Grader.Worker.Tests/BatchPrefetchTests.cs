using Grader.Worker.Grading;

namespace Grader.Worker.Tests;

/// <summary>
/// The batched queue prefetches beyond its deliveries in flight, so that the next batch's deliveries are in the client when
/// a batch commits: a batch closed soon after its latest delivery would otherwise split on the wait for the broker.
/// </summary>
public sealed class BatchPrefetchTests
{
    [Theory]
    [InlineData(64, 2, 16, 256)]
    [InlineData(10, 1, 16, 30)]
    [InlineData(1, 1, 16, 16)]
    [InlineData(64, 2, 500, 500)]
    public void Prefetch_holds_two_batches_beyond_those_in_flight_unless_PrefetchCount_is_larger(
        int messageLimit, int concurrencyLimit, int prefetchCount, int expected)
    {
        var options = new WorkerOptions
        {
            BatchMessageLimit = messageLimit, BatchConcurrencyLimit = concurrencyLimit, PrefetchCount = prefetchCount,
        };

        Assert.Equal(expected, options.BatchPrefetch);
    }
}
