using Grader.Contracts;
using Grader.Data.Entities;
using Grader.Data.Regrades;
using Grader.Worker.Grading;
using MassTransit;

namespace Grader.Worker.Regrading;

/// <summary>
/// A batch that cannot be regraded (a fault no retry fixes) counts its submissions as failed; one that ran out of retries
/// because the database was unavailable is sent to the queue again instead.
/// </summary>
public sealed class RegradeBatchFaultConsumer(RegradeBatches batches, ILogger<RegradeBatchFaultConsumer> logger)
    : IConsumer<Fault<RegradeBatch>>
{
    public async Task Consume(ConsumeContext<Fault<RegradeBatch>> context)
    {
        var key = new RegradeBatchKey(context.Message.Message.JobId, context.Message.Message.BatchNumber);
        if (context.Message.Exceptions.Any(e => e.ExceptionType == DatabaseUnavailableException.TypeName))
        {
            // Nothing can be recorded now, and the sweeper would wait Regrade:ResendAfter: the queue keeps the batch.
            var queue = await context.GetSendEndpoint(QueueNames.RegradeBatchAddress);
            await queue.Send(context.Message.Message, context.CancellationToken);
            logger.LogWarning("Regrade batch {BatchNumber} of job {JobId} sent again: the database stayed unavailable beyond the retries",
                key.BatchNumber, key.JobId);
            return;
        }

        await using var store = await batches.BeginAsync(context.CancellationToken);
        if (await store.LockBatchAsync(key, context.CancellationToken) is not { BatchState: RegradeBatchState.Pending })
        {
            return;
        }

        var reason = "The batch of this submission failed: "
            + string.Join(" | ", context.Message.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
        await store.FailAsync(key, reason, context.CancellationToken);
        await store.CommitAsync(context.CancellationToken);
        logger.LogError("Regrade batch {BatchNumber} of job {JobId} failed: {Reason}", key.BatchNumber, key.JobId, reason);
    }
}
