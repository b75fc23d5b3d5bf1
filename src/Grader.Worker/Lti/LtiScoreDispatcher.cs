using Grader.Data.Lti;
using Grader.Worker.Passback;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Lti;

/// <summary>
/// Posts stored AGS Scores to their platforms, in the worker beside the webhook dispatcher and for the same reasons (the
/// database and the decryption key are here; leases with SKIP LOCKED share the work among workers). One loop per
/// platform, started when the platform is first seen (platforms are registered at run time), so a platform that is down
/// backs off its own posts only; per submission the posts go out in revision order.
/// </summary>
public sealed class LtiScoreDispatcher(
    LtiScoreDispatch dispatch, LtiPlatforms platforms, LtiScoreSender sender, IOptions<LtiOptions> options, ILogger<LtiScoreDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new Dictionary<string, Task>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var source in await dispatch.SourcesWithPlatformsAsync(stoppingToken))
                {
                    if (!loops.ContainsKey(source))
                    {
                        loops[source] = RunPlatformAsync(source, stoppingToken);
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Reading the LTI platforms failed; retrying");
            }

            await Task.Delay(options.Value.PlatformRefresh, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(loops.Values);
    }

    /// <returns>How many posts were claimed (sent or failed).</returns>
    public async Task<int> DispatchOnceAsync(string source, CancellationToken cancellationToken)
    {
        var delivery = options.Value.Delivery;
        // A token fetch and a post, each bounded by the timeout: a claim expires only when its worker died.
        var lease = (delivery.Timeout * 3) + TimeSpan.FromSeconds(5);
        var claimed = await dispatch.ClaimAsync(source, delivery.BatchSize, lease, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var platform = await platforms.FindAsync(source, cancellationToken)
            ?? throw new InvalidOperationException($"The LTI platform of '{source}' is gone.");
        await Task.WhenAll(claimed.Select(post => SendAsync(post, platform, delivery, cancellationToken)));
        return claimed.Count;
    }

    private async Task RunPlatformAsync(string source, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchOnceAsync(source, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is down: the posts stay pending (leases expire) and go out once it is back.
                logger.LogWarning(exception, "Dispatching LTI scores of {Source} failed; retrying", source);
            }

            if (claimed < options.Value.Delivery.BatchSize)
            {
                await Task.Delay(options.Value.Delivery.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(ClaimedScorePost post, LtiPlatform platform, DeliveryOptions delivery, CancellationToken cancellationToken)
    {
        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(post, platform, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            // No or a wrong Lti:KeyEncryptionKey: recorded on the post, which an admin redelivers once the key is fixed.
            outcome = new SendOutcome(false, exception.Message, null);
        }

        if (outcome.Delivered)
        {
            await dispatch.MarkDeliveredAsync(post.Seq, CancellationToken.None);
            logger.LogInformation("Posted LTI score {ScoreId} of submission {SubmissionId} revision {Revision} to {Source} ({Progress})",
                post.Id, post.SubmissionId, post.Revision, post.Source, post.GradingProgress);
            return;
        }

        var delay = RetrySchedule.Delay(post.Attempts, outcome.RetryAfter, delivery, Random.Shared);
        var dead = await dispatch.MarkFailedAttemptAsync(post.Seq, outcome.Error ?? "failed", delay, delivery.MaxAge, CancellationToken.None);
        if (dead)
        {
            logger.LogError("Gave up LTI score {ScoreId} to {Source} after {Attempts} attempts: {Error}", post.Id, post.Source, post.Attempts,
                outcome.Error);
        }
        else
        {
            logger.LogWarning("Posting LTI score {ScoreId} to {Source} failed (attempt {Attempts}: {Error}); retry in {Delay}", post.Id,
                post.Source, post.Attempts, outcome.Error, delay);
        }
    }
}
