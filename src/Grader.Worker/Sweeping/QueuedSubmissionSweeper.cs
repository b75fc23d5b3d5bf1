using Grader.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Sweeping;

/// <summary>
/// Re-sends <see cref="GradeSubmission"/> for submissions the API stored while the broker was unreachable, so every
/// accepted submission is graded eventually.
/// </summary>
public sealed class QueuedSubmissionSweeper(
    IServiceScopeFactory scopes, ISendEndpointProvider sendEndpoints, IOptionsMonitor<SweeperOptions> options,
    ILogger<QueuedSubmissionSweeper> logger) : BackgroundService
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
                // Database or broker down: the next tick tries again; nothing is lost, the rows stay unfinished.
                logger.LogWarning(exception, "Sweep failed; retrying in {Interval}", options.CurrentValue.Interval);
            }

            await Task.Delay(options.CurrentValue.Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stale = scope.ServiceProvider.GetRequiredService<StaleSubmissions>();
        var ids = await stale.ClaimAsync(options.CurrentValue, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
        foreach (var id in ids)
        {
            await endpoint.Send(new GradeSubmission(id), cancellationToken);
        }

        logger.LogInformation("Re-sent {Count} submissions left unfinished", ids.Count);
        return ids.Count;
    }
}
