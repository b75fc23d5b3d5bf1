using Grader.Contracts;
using Grader.Data.Regrades;
using Grader.Grading.Loading;
using Grader.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Api.Regrades;

/// <summary>
/// Plans a regrade in one transaction (the job, its submissions cut into numbered batches), then sends one
/// <see cref="RegradeBatch"/> per batch. The plan is a snapshot: a submission that arrives later is not in it and is
/// graded once, by the normal path, with the current version. Unsent batches are re-sent by the workers' sweeper.
/// </summary>
public sealed class RegradePlanner(
    RegradeJobStore jobs, ProblemCatalogProvider catalogs, ISendEndpointProvider sendEndpoints, IOptions<RegradeOptions> options,
    TimeProvider clock, ILogger<RegradePlanner> logger)
{
    /// <returns>The new job's id, or the id of the running job with the same filter (nothing planned).</returns>
    public async Task<(Guid Id, bool Started)> StartAsync(RegradeRequestInput request, CancellationToken cancellationToken)
    {
        var plan = request.ToPlan(catalogs.Current.Problems.ToDictionary(p => p.Id, p => p.Version, StringComparer.Ordinal),
            clock.GetUtcNow());
        var (planned, running) = await jobs.PlanAsync(plan, options.Value.BatchSize, cancellationToken);
        if (planned is null)
        {
            logger.LogInformation("Regrade refused: job {JobId} with the same filter is still running", running);
            return (running!.Value, false);
        }

        logger.LogInformation("Regrade job {JobId} planned: {Total} submissions in {Batches} batches, dry run {DryRun}, because {Reason}",
            plan.Id, planned.Total, planned.Batches, plan.DryRun, plan.Reason);
        await SendAsync(plan.Id, planned.Batches, cancellationToken);
        return (plan.Id, true);
    }

    private async Task SendAsync(Guid id, int batches, CancellationToken cancellationToken)
    {
        // A send to a broker that is down waits for it to come back: bounded, so the request answers.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.RegradeBatchAddress);
            await endpoint.SendBatch(Enumerable.Range(0, batches).Select(n => new RegradeBatch(id, n)), timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Regrade job {JobId} planned but not all batches sent; the workers' sweeper will send them", id);
            await MarkUnsentAsync(id, cancellationToken);
        }
    }

    private async Task MarkUnsentAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.MarkUnsentAsync(id, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Regrade job {JobId}: could not mark its batches unsent; the sweeper sends them after Regrade:ResendAfter", id);
        }
    }
}
