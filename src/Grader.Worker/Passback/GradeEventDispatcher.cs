using Grader.Data.Passback;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Passback;

/// <summary>
/// Sends stored grade events to their LMS, in the worker process beside the consumers: it needs what they have (the
/// database, the sources' secrets), scales with the workers (claims are leased with SKIP LOCKED), and runs on its own
/// tasks, so a slow receiver never holds a grading consumer. One loop per source: a receiver that is down backs off its
/// own events only.
/// </summary>
public sealed class GradeEventDispatcher(
    GradeEventDispatch dispatch, GradeEventSender sender, IOptions<PassbackOptions> options, ILogger<GradeEventDispatcher> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Callbacks.Select(source => RunSourceAsync(source.Key, source.Value, stoppingToken)));

    /// <returns>How many events were claimed (sent or failed).</returns>
    public async Task<int> DispatchOnceAsync(string source, CallbackSource target, CancellationToken cancellationToken)
    {
        var delivery = options.Value.Delivery;
        // Longer than any send, so a claim expires only when its worker died (and then the event is sent again).
        var lease = (delivery.Timeout * 2) + TimeSpan.FromSeconds(5);
        var claimed = await dispatch.ClaimAsync(source, delivery.BatchSize, lease, cancellationToken);
        await Task.WhenAll(claimed.Select(e => SendAsync(e, target, delivery, cancellationToken)));
        return claimed.Count;
    }

    private async Task RunSourceAsync(string source, CallbackSource target, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchOnceAsync(source, target, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is down: the events stay pending (leases expire), and are sent once it is back.
                logger.LogWarning(exception, "Dispatching grade events of {Source} failed; retrying", source);
            }

            if (claimed < options.Value.Delivery.BatchSize)
            {
                await Task.Delay(options.Value.Delivery.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(ClaimedGradeEvent e, CallbackSource target, DeliveryOptions delivery, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendAsync(e, target, cancellationToken);
        if (outcome.Delivered)
        {
            await dispatch.MarkDeliveredAsync(e.Seq, CancellationToken.None);
            logger.LogInformation("Delivered {EventType} {EventId} of submission {SubmissionId} revision {Revision} to {Source}",
                e.Type, e.Id, e.Submission.Id, e.Revision, e.Submission.Source);
            return;
        }

        var delay = RetrySchedule.Delay(e.Attempts, outcome.RetryAfter, delivery, Random.Shared);
        var dead = await dispatch.MarkFailedAttemptAsync(e.Seq, outcome.Error ?? "failed", delay, delivery.MaxAge, CancellationToken.None);
        if (dead)
        {
            logger.LogError("Gave up {EventType} {EventId} to {Source} after {Attempts} attempts: {Error}", e.Type, e.Id,
                e.Submission.Source, e.Attempts, outcome.Error);
        }
        else
        {
            logger.LogWarning("Sending {EventType} {EventId} to {Source} failed (attempt {Attempts}: {Error}); retry in {Delay}",
                e.Type, e.Id, e.Submission.Source, e.Attempts, outcome.Error, delay);
        }
    }
}
