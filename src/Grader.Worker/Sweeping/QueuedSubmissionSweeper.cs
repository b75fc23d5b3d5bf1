using Grader.Contracts;
using Grader.Data.Submissions;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Sweeping;

/// <summary>
/// Re-sends submissions the API stored while the broker was unreachable (or whose message was lost), so every accepted
/// submission is graded eventually: as the API sends an intake commit, in <see cref="GradeSubmissions"/> split by
/// <see cref="GradeSubmissions.Split"/> (after an outage a sweep claims hundreds, which one message each would cost the
/// broker a persistent message, a confirm, a delivery and an acknowledgement apiece).
/// </summary>
public sealed class QueuedSubmissionSweeper(
    IServiceScopeFactory scopes, ISendEndpointProvider sendEndpoints, IOptionsMonitor<SweeperOptions> options, TimeProvider clock,
    ILogger<QueuedSubmissionSweeper> logger) : SweepLoop(logger)
{
    protected override TimeSpan Interval => options.CurrentValue.Interval;

    public override async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<UnfinishedWork>()
            .ClaimSubmissionsAsync(now, now - current.QueuedAge, now - current.GradingAge, current.BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
        await Task.WhenAll(GradeSubmissions.Split(ids).Select(message => endpoint.Send(message, cancellationToken)));

        logger.LogInformation("Re-sent {Count} submissions left unfinished", ids.Count);
        return ids.Count;
    }
}
