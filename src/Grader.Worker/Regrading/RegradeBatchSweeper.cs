using Grader.Contracts;
using Grader.Data.Submissions;
using Grader.ServiceDefaults;
using Grader.Worker.Sweeping;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Regrading;

/// <summary>
/// Re-sends <see cref="RegradeBatch"/> for batches whose message was lost (the API died before sending, the broker lost
/// it), so every job finishes; a duplicate is harmless because a committed batch is never regraded.
/// </summary>
public sealed class RegradeBatchSweeper(
    IServiceScopeFactory scopes, ISendEndpointProvider sendEndpoints, IOptionsMonitor<RegradeOptions> options, TimeProvider clock,
    ILogger<RegradeBatchSweeper> logger) : SweepLoop(logger)
{
    protected override TimeSpan Interval => options.CurrentValue.SweepInterval;

    public override async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<UnfinishedWork>()
            .ClaimRegradeBatchesAsync(now, now - options.CurrentValue.ResendAfter, options.CurrentValue.SweepBatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.RegradeBatchAddress);
        await endpoint.SendBatch(pending.Select(b => new RegradeBatch(b.JobId, b.BatchNumber)), cancellationToken);
        logger.LogInformation("Re-sent {Count} regrade batches left pending", pending.Count);
        return pending.Count;
    }
}
