namespace Grader.Api.Submissions;

/// <summary>
/// The <c>Webhooks</c> section: one secret per LMS source, chosen by the <c>Grader-Source</c> header, e.g.
/// <c>Webhooks__Sources__canvas__Secret=...</c>. Several secrets per source are accepted during a rotation.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public Dictionary<string, WebhookSource> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far a signature's timestamp may be from the server clock.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted body; larger deliveries get 413 before anything is read into memory.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}

/// <summary>One LMS that may post submissions.</summary>
public sealed class WebhookSource
{
    public string? Secret { get; set; }
    public string? PreviousSecret { get; set; }
}
