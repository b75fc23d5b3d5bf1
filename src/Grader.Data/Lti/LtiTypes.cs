namespace Grader.Data.Lti;

/// <summary>An LMS's LTI 1.3 registration of this tool, keyed by the webhook source whose submissions it takes grades for.</summary>
public sealed record LtiPlatform(
    string Source, string Issuer, string ClientId, string DeploymentId, string TokenUrl, string? Audience, DateTimeOffset CreatedAt)
{
    /// <summary>The client assertion's <c>aud</c>: the registered audience, or else the token URL (as the LTI security framework says).</summary>
    public string AssertionAudience => Audience ?? TokenUrl;
}

/// <summary>An assignment of a source mapped to one line item: its submissions' scores are posted there.</summary>
public sealed record LtiLineItemMap(string Source, string Course, string Assignment, string LineItemUrl, DateTimeOffset CreatedAt);

/// <summary>A public signing key of the tool, as served in the JWKS.</summary>
public sealed record ToolPublicKey(string Kid, string Jwk, DateTimeOffset CreatedAt);

/// <summary>The AGS <c>gradingProgress</c> values a Score is posted with.</summary>
public static class GradingProgress
{
    public const string FullyGraded = "FullyGraded";

    /// <summary>A manual part still waits for staff: the score given is not final.</summary>
    public const string PendingManual = "PendingManual";
}

/// <summary>A claimed score post: what the Score says and where it goes.</summary>
public sealed record ClaimedScorePost(
    long Seq,
    Guid Id,
    string Source,
    Guid SubmissionId,
    int Revision,
    int Attempts,
    string LineItemUrl,
    string UserId,
    double ScoreGiven,
    double ScoreMaximum,
    string GradingProgress,
    DateTimeOffset Timestamp);

/// <summary>One score post as the admin list shows it.</summary>
public sealed record ScorePostDelivery(
    long Seq,
    Guid Id,
    string Source,
    Guid SubmissionId,
    int Revision,
    string LineItemUrl,
    string UserId,
    double ScoreGiven,
    double ScoreMaximum,
    string GradingProgress,
    DateTimeOffset Timestamp,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt);

/// <summary>The admin list's filter; null fields do not filter. Newest first, keyset-paged on <c>seq</c>.</summary>
public sealed record ScorePostFilter(string? State, string? Source, Guid? SubmissionId, long? BeforeSeq, int Limit);
