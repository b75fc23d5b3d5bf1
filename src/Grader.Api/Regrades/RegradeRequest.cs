namespace Grader.Api.Regrades;

/// <summary>
/// A validated <c>POST /api/v1/regrades</c> body: which graded submissions to regrade (every filter optional, all must
/// hold) and why. <see cref="DryRun"/> computes the regrade and reports it without writing any result.
/// </summary>
public sealed record RegradeRequest(
    string? Course,
    string? Assignment,
    string? ProblemId,
    bool GradedWithVersionOtherThanCurrent,
    DateTimeOffset? SubmittedBefore,
    string Reason,
    bool DryRun);
