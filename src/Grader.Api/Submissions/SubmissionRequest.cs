namespace Grader.Api.Submissions;

/// <summary>
/// The webhook body, as documented for OpenAPI. The raw bytes are parsed by <see cref="SubmissionRequestReader"/> into a
/// <see cref="SubmissionDelivery"/>.
/// </summary>
public sealed record SubmissionRequest(
    string ExternalId,
    string Course,
    string Assignment,
    string ProblemId,
    string StudentId,
    DateTimeOffset? SubmittedAt,
    System.Text.Json.JsonElement Answers,
    Lti.LtiLineItemRequest? Lti = null);
