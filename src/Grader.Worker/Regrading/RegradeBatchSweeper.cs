using Grader.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Regrading;

/// <summary>
/// Re-sends <see cref="RegradeBatch"/> for batches whose message was lost (the API died before sending, the broker lost
/// it), so every job finishes; a duplicate is harmless because a committed batch is never regraded.
/// </summary>
public sealed class RegradeBatchSweeper(
    IServiceScopeFactory scopes, ISendEndpointProvider sendEndpoints, IOptionsMonitor<RegradeOptions> options,
    ILogger<RegradeBatchSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Regrade sweep failed; retrying in {Interval}", options.CurrentValue.SweepInterval);
            }

            await Task.Delay(options.CurrentValue.SweepInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<PendingRegradeBatches>()
            .ClaimAsync(options.CurrentValue, cancellationToken);
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
