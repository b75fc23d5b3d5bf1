using Grader.Contracts;
using MassTransit;

namespace Grader.Api.Submissions;

/// <summary>
/// Sends <see cref="GradeSubmissions"/> to the worker queue (never to an unbound exchange): one message for the
/// submissions of one intake commit, split at <see cref="GradeSubmissions.MaxSubmissionIds"/>. If the broker is down the
/// submission stays <c>queued</c> in PostgreSQL and the worker's sweeper sends it later, so the webhook still succeeds.
/// </summary>
public sealed class GradingQueue(IBus bus, SendCircuit circuit, ILogger<GradingQueue> logger)
{
    /// <summary>With the insert, the webhook answers within about 3 s (docs/service.md).</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    /// <returns>Whether the command reached the broker.</returns>
    public Task<bool> EnqueueAsync(Guid submissionId, CancellationToken cancellationToken) =>
        EnqueueManyAsync([submissionId], cancellationToken);

    /// <summary>
    /// Sends one command for all of <paramref name="submissionIds"/> (several, all at once, past
    /// <see cref="GradeSubmissions.MaxSubmissionIds"/>): the broker stores, confirms, delivers and acknowledges one message for
    /// an intake commit's submissions instead of one each.
    /// </summary>
    /// <returns>Whether every command reached the broker; false (never an exception) leaves them to the sweeper.</returns>
    public async Task<bool> EnqueueManyAsync(IReadOnlyList<Guid> submissionIds, CancellationToken cancellationToken)
    {
        if (submissionIds.Count == 0)
        {
            return true;
        }

        if (!circuit.TryEnter())
        {
            return false; // the broker failed moments ago: no send that could wait, no log line per submission
        }

        var timeout = new CancellationTokenSource(SendTimeout);
        var sending = SendAsync(submissionIds, timeout.Token);
        // The send is abandoned, not awaited, past its bound: GetSendEndpoint takes no token and Send can wait on the
        // reconnecting transport far longer than the webhook's promised answer time. Its late outcome is observed here.
        _ = sending.ContinueWith(
            finished =>
            {
                _ = finished.Exception;
                timeout.Dispose();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await sending.WaitAsync(SendTimeout, cancellationToken);
            circuit.Succeeded();
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            circuit.Abandoned(); // the caller left: this says nothing about the broker
            throw;
        }
        catch (Exception exception)
        {
            if (circuit.Failed())
            {
                logger.LogWarning(exception,
                    "{Count} submission(s) stored but not enqueued (first {SubmissionId}); sends pause for {OpenFor} and the sweeper will send them",
                    submissionIds.Count, submissionIds[0], SendCircuit.OpenFor);
            }

            return false;
        }
    }

    private async Task SendAsync(IReadOnlyList<Guid> submissionIds, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
        await Task.WhenAll(GradeSubmissions.Split(submissionIds).Select(message => endpoint.Send(message, cancellationToken)));
    }
}
