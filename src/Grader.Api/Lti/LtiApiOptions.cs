namespace Grader.Api.Lti;

/// <summary>The API's <c>Lti</c> settings.</summary>
public sealed class LtiApiOptions
{
    public const string Section = "Lti";

    /// <summary>Accept http:// line items and token URLs on loopback (development, tests). Off by default.</summary>
    public bool AllowHttpLoopback { get; set; }
}
