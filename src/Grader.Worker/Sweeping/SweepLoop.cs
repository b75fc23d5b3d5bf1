namespace Grader.Worker.Sweeping;

/// <summary>
/// The loop every sweeper runs: sweep, wait its interval, again, until the host stops. A sweep that fails (database or
/// broker down) is logged and tried at the next tick; nothing is lost, the rows stay unfinished.
/// </summary>
public abstract class SweepLoop(ILogger logger) : BackgroundService
{
    /// <summary>Read at every tick, so a configuration reload applies.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <returns>How many messages the sweep sent again.</returns>
    public abstract Task<int> SweepOnceAsync(CancellationToken cancellationToken);

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
                logger.LogWarning(exception, "{Sweeper} failed; retrying in {Interval}", GetType().Name, Interval);
            }

            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
