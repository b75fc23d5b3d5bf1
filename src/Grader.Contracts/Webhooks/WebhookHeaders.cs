namespace Grader.Contracts.Webhooks;

/// <summary>Header names of the submission webhook, shared by the API and the <c>grader submit</c> CLI verb.</summary>
public static class WebhookHeaders
{
    public const string Signature = WebhookSignature.HeaderName;

    /// <summary>Names the LMS source, which selects the secret and scopes <c>externalId</c>.</summary>
    public const string Source = "Grader-Source";
}
