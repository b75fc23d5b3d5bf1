namespace Grader.Contracts.Webhooks;

/// <summary>Header names of the submission webhook and of the grade events sent back, shared by the API, worker and CLI.</summary>
public static class WebhookHeaders
{
    public const string Signature = WebhookSignature.HeaderName;

    /// <summary>Names the LMS source, which selects the secret and scopes <c>externalId</c>.</summary>
    public const string Source = "Grader-Source";

    /// <summary>An outgoing grade event's id, the same on every retry: the receiver's idempotency key.</summary>
    public const string EventId = "Grader-Event-Id";

    /// <summary>An outgoing grade event's type (<c>submission.graded</c>, …), also in the body.</summary>
    public const string EventType = "Grader-Event-Type";
}
