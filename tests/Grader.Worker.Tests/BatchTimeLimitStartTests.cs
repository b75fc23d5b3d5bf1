using System.Diagnostics;
using Grader.Contracts;
using Grader.Worker.Grading;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>
/// <c>Worker:BatchTimeLimitStart</c> reaches the batch: deliveries that keep coming well inside the time limit of each
/// other stay one batch when the limit counts from the latest delivery, and split when it counts from the first.
/// </summary>
/// <remarks>Counts batches, not time: the steady stream's gaps (0.1 s) and its length (over twice the limit) are far
/// from the 3 s limit on either side, so a busy machine's late timer or slow send does not change the count.</remarks>
public sealed class BatchTimeLimitStartTests : HarnessTestBase
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    // Each test starts the worker with the time limit's start its parameters name.
    protected override ServiceProvider? BuildServices(string connectionString) => null;

    [Theory]
    [InlineData(BatchTimeLimitStart.FromLast, 1, 1)]
    [InlineData(BatchTimeLimitStart.FromFirst, 2, int.MaxValue)]
    public async Task Steady_deliveries_stay_one_batch_from_the_latest_and_split_from_the_first(
        BatchTimeLimitStart start, int fewestBatches, int mostBatches)
    {
        await StartAsync(GradingHarness.Build(Database.ConnectionString, configure: options =>
        {
            options.BatchMessageLimit = 1000; // never the reason a batch closes
            options.BatchTimeLimit = Limit;
            options.BatchTimeLimitStart = start;
        }));
        var sent = 0;
        var streaming = Stopwatch.StartNew();
        while (streaming.Elapsed < 2.5 * Limit)
        {
            // Ids of no submission: each is looked up and skipped, which is all a batch needs to close.
            await Harness.Bus.Publish(new GradeSubmission(Guid.NewGuid()));
            sent++;
            await Task.Delay(100);
        }

        var consumer = Harness.GetConsumerHarness<GradeSubmissionBatchConsumer>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (consumer.Consumed.Select<Batch<GradeSubmission>>().Sum(b => b.Context.Message.Length) < sent)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every delivery was consumed within 60 s");
            await Task.Delay(100);
        }

        var batches = consumer.Consumed.Select<Batch<GradeSubmission>>().Count();
        Assert.InRange(batches, fewestBatches, mostBatches);
    }
}
