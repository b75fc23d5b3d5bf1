using Grader.Contracts;
using MassTransit;

namespace Grader.Worker.Regrading;

/// <summary>Regrades one batch, then announces the grades it changed. The message is acknowledged after both.</summary>
public sealed class RegradeBatchConsumer(RegradeBatchProcessor processor, ILogger<RegradeBatchConsumer> logger)
    : IConsumer<RegradeBatch>
{
    public async Task Consume(ConsumeContext<RegradeBatch> context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RegradeJobId"] = context.Message.JobId });
        var changed = await processor.RegradeAsync(context.Message, context.CancellationToken);
        await Task.WhenAll(changed.Select(graded => context.Publish(graded, context.CancellationToken)));
    }
}
