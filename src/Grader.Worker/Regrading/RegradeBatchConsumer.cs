using Grader.Contracts;
using Grader.Data;
using Grader.Worker.Grading;
using MassTransit;

namespace Grader.Worker.Regrading;

/// <summary>Regrades one batch, then announces the grades it changed. The message is acknowledged after both.</summary>
public sealed class RegradeBatchConsumer(RegradeBatchProcessor processor, ILogger<RegradeBatchConsumer> logger)
    : IConsumer<RegradeBatch>
{
    public async Task Consume(ConsumeContext<RegradeBatch> context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RegradeJobId"] = context.Message.JobId });
        IReadOnlyList<SubmissionGraded> changed;
        try
        {
            changed = await processor.RegradeAsync(context.Message,
                context.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempt()), context.CancellationToken);
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            // Named, so that the fault consumer can tell an outage (send again) from a batch that cannot succeed (fail it).
            throw new DatabaseUnavailableException(
                $"regrading batch {context.Message.BatchNumber} of job {context.Message.JobId}", exception);
        }

        await Task.WhenAll(changed.Select(graded => context.Publish(graded, context.CancellationToken)));
    }
}
