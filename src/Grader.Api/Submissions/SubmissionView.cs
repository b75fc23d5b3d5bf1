using Grader.Data.Entities;

namespace Grader.Api.Submissions;

/// <summary>What <c>GET /api/v1/submissions/{id}</c> shows: status, score and per-part results, no reference answers.</summary>
public sealed record SubmissionView(
    Guid Id,
    string Source,
    string ExternalId,
    string Course,
    string Assignment,
    string ProblemId,
    string StudentId,
    string Status,
    double? Score,
    double? MaxScore,
    string? ProblemVersion,
    IReadOnlyList<PartResultView>? Parts,
    string? FailureReason,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? GradedAt)
{
    public static SubmissionView From(Submission submission)
    {
        var result = submission.CurrentResult;
        return new SubmissionView(
            submission.Id,
            submission.Source,
            submission.ExternalId,
            submission.Course,
            submission.Assignment,
            submission.ProblemId,
            submission.StudentId,
            submission.Status.Name(),
            result?.Score,
            result?.MaxScore,
            result?.ProblemVersion,
            result is null ? null : PartResultView.From(result.Parts),
            submission.FailureReason,
            submission.SubmittedAt,
            submission.ReceivedAt,
            submission.GradedAt);
    }
}
