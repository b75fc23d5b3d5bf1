namespace Grader.Worker.Passback;

/// <summary>
/// When to try a failed send again: exponential backoff with jitter (a random point in the upper half of the step, so
/// many workers that failed together do not retry together), never sooner than the receiver's <c>Retry-After</c>.
/// </summary>
public static class RetrySchedule
{
    /// <param name="attempts">Sends made so far, the failed one included (1 after the first).</param>
    public static TimeSpan Delay(int attempts, TimeSpan? retryAfter, DeliveryOptions options, Random random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var step = Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(step / 2 + (random.NextDouble() * step / 2));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
