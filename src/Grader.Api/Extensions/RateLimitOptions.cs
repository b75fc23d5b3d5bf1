namespace Grader.Api.Extensions;

/// <summary>
/// The <c>RateLimits</c> section: requests per minute per API key, per webhook source, per client address for
/// requests without a valid key, and for the staff pages per signed-in key and per address signing in. Defaults are far above what the tests, run.sh and the benchmarks send.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit PerKey { get; set; } = new() { PermitsPerMinute = 6000 };

    /// <summary>Signed webhook deliveries of one <c>Grader-Source</c>; above bench/load.sh's ~200 posts a second for 10 s.</summary>
    public RateLimit PerSource { get; set; } = new() { PermitsPerMinute = 12000 };

    public RateLimit PerClient { get; set; } = new() { PermitsPerMinute = 3000 };

    /// <summary>
    /// Staff pages of one signed-in key (all its sessions together): a person clicking, a queue graded by keyboard, a
    /// regrade's progress polled once a second.
    /// </summary>
    public RateLimit PerSession { get; set; } = new() { PermitsPerMinute = 1200 };

    /// <summary>The sign-in form and any page request without a session, per client address.</summary>
    public RateLimit PerSignIn { get; set; } = new() { PermitsPerMinute = 300 };

    /// <summary>Largest body of every endpoint but the webhook (which keeps <c>Webhooks:MaxBodyBytes</c>).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>One budget: a fixed window of a minute.</summary>
public sealed class RateLimit
{
    public int PermitsPerMinute { get; set; }
}
