using Grader.ServiceDefaults.Settings;

namespace Grader.Worker.Passback;

/// <summary>
/// The worker's view of the <c>Webhooks</c> section: per source, where its grades go (<c>Webhooks:Sources:canvas:CallbackUrl</c>)
/// and the secret that signs them (the intake's <c>Secret</c>); and how deliveries are retried (<c>Webhooks:Delivery</c>).
/// </summary>
public sealed class PassbackOptions
{
    public const string Section = "Webhooks";

    public Dictionary<string, CallbackSource> Sources { get; set; } = new(StringComparer.Ordinal);

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>The sources whose grades are sent: a callback URL and a secret.</summary>
    public IEnumerable<KeyValuePair<string, CallbackSource>> Callbacks =>
        Sources.Where(s => WebhookSourceRule.SendsGrades(s.Value.CallbackUrl, s.Value.Secret));

    /// <summary>Every source by the API's rule, and the <c>Delivery</c> subsection.</summary>
    public static void Rules(PassbackOptions o, SettingsCheck check)
    {
        foreach (var (name, source) in o.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            WebhookSourceRule.Check(name, source.Secret, source.PreviousSecret, source.CallbackUrl, check);
        }

        o.Delivery.Check($"{Section}:{nameof(o.Delivery)}", check);
    }
}

/// <summary>One LMS source as the dispatcher sees it.</summary>
public sealed class CallbackSource
{
    public string? CallbackUrl { get; set; }
    public string? Secret { get; set; }

    /// <summary>Not used to sign; bound so the worker checks a source by the same rule as the API.</summary>
    public string? PreviousSecret { get; set; }
}

/// <summary>How the dispatcher sends: timeouts, retry schedule, how long before an event is given up (dead).</summary>
public sealed class DeliveryOptions
{
    /// <summary>One request's whole time, headers and body; a receiver that hangs costs this, then a retry.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries go on this long after the event was stored (or redelivered by an admin); then it is dead.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetryDelay"/>, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a source's loop looks for due events when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events of one source claimed and sent at once (concurrently; at most one per submission).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>The rules for a <c>Delivery</c> subsection; <paramref name="section"/> is its key (<c>Webhooks:Delivery</c>).</summary>
    public void Check(string section, SettingsCheck check) => check
        .Positive($"{section}:{nameof(Timeout)}", Timeout)
        .Positive($"{section}:{nameof(MaxAge)}", MaxAge)
        .Positive($"{section}:{nameof(FirstRetryDelay)}", FirstRetryDelay)
        .That(MaxRetryDelay >= FirstRetryDelay, $"{section}:{nameof(MaxRetryDelay)}", $"must not be shorter than {nameof(FirstRetryDelay)}")
        .Positive($"{section}:{nameof(PollInterval)}", PollInterval)
        .Positive($"{section}:{nameof(BatchSize)}", BatchSize);
}
