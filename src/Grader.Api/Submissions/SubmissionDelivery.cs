using Grader.Api.Lti;

namespace Grader.Api.Submissions;

/// <summary>
/// A webhook body that passed <see cref="SubmissionRequestReader"/>: the fields trimmed and checked, and the answers as the
/// normalised JSON text that is stored (<see cref="Contracts.Submissions.StoredAnswers"/>). The text is kept rather than a
/// parsed element so that a new delivery, by far the common case, is parsed once: the insert takes the text as it is.
/// </summary>
public sealed record SubmissionDelivery(
    string ExternalId,
    string Course,
    string Assignment,
    string ProblemId,
    string StudentId,
    DateTimeOffset? SubmittedAt,
    string Answers,
    LtiLineItemRequest? Lti = null);
