namespace Grader.Api.Extensions;

/// <summary>
/// The <c>RateLimits</c> section: requests per minute per API key, per webhook source, and per client address for
/// requests without a valid key. Defaults are far above what the tests, run.sh and the benchmarks send.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit PerKey { get; set; } = new() { PermitsPerMinute = 6000 };

    /// <summary>Signed webhook deliveries of one <c>Grader-Source</c>; above bench/load.sh's ~200 posts a second for 10 s.</summary>
    public RateLimit PerSource { get; set; } = new() { PermitsPerMinute = 12000 };

    public RateLimit PerClient { get; set; } = new() { PermitsPerMinute = 3000 };

    /// <summary>Largest body of every endpoint but the webhook (which keeps <c>Webhooks:MaxBodyBytes</c>).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>One budget: a fixed window of a minute.</summary>
public sealed class RateLimit
{
    public int PermitsPerMinute { get; set; }
}
