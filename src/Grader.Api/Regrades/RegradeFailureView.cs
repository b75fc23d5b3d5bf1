namespace Grader.Api.Regrades;

/// <summary>A submission the job could not regrade; its previous grade stands.</summary>
public sealed record RegradeFailureView(Guid SubmissionId, string StudentId, string ProblemId, string Error);

/// <summary>
/// A page of <see cref="RegradeFailureView"/>, ordered by submission id; <c>Next</c> (the next page's link) and
/// <c>NextCursor</c> are null on the last page.
/// </summary>
public sealed record RegradeFailuresPage(IReadOnlyList<RegradeFailureView> Items, string? Next, string? NextCursor);
