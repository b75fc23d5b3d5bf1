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

    /// <summary>How far past the server's clock a submission's <c>submittedAt</c> may lie before it is refused (400).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted body; larger deliveries get 413 before anything is read into memory.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Whether <paramref name="source"/> may post into <paramref name="course"/> (an empty list allows any).</summary>
    public bool AllowsCourse(string source, string course) =>
        !Sources.TryGetValue(source, out var configured) || configured.Courses.Count == 0
        || configured.Courses.Contains(course, StringComparer.Ordinal);
}

/// <summary>One LMS that may post submissions.</summary>
public sealed class WebhookSource
{
    public string? Secret { get; set; }
    public string? PreviousSecret { get; set; }

    /// <summary>Where this source's grade events go; read here only to check it as the worker does (WebhookSourceRule).</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>
    /// The courses this source may post into (<c>Webhooks__Sources__canvas__Courses__0=cs189</c>); another course is a 403.
    /// Empty means any course, which the API warns about at start.
    /// </summary>
    public List<string> Courses { get; set; } = [];
}
