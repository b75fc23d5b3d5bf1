using Grader.Contracts;
using MassTransit;

namespace Grader.Api.Submissions;

/// <summary>
/// Sends <see cref="GradeSubmission"/> to the worker queue (never to an unbound exchange). If the broker is down the
/// submission stays <c>queued</c> in PostgreSQL and the worker's sweeper sends it later, so the webhook still succeeds.
/// </summary>
public sealed class GradingQueue(ISendEndpointProvider sendEndpoints, ILogger<GradingQueue> logger)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2); // with the insert, the webhook answers within about 3 s

    /// <returns>Whether the command reached the broker.</returns>
    public async Task<bool> EnqueueAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        try
        {
            // Bounded as a whole: during a broker outage GetSendEndpoint (which takes no token) and Send can wait on the
            // reconnecting transport far longer than the webhook's promised answer time.
            await SendAsync(submissionId, timeout.Token).WaitAsync(SendTimeout, cancellationToken);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Submission {SubmissionId} stored but not enqueued; the sweeper will send it", submissionId);
            return false;
        }
    }

    private async Task SendAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
        await endpoint.Send(new GradeSubmission(submissionId), cancellationToken);
    }
}
