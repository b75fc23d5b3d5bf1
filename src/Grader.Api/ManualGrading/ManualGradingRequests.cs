using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Manual;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.ManualGrading;

/// <summary>
/// <c>GET …/assignments/{assignment}/manual/{problemId}/{partId}</c>: which answers (ungraded by default), a page at a time in
/// grading order; <c>cursor</c> is the previous page's <c>nextCursor</c> (the paging convention of every list).
/// </summary>
public sealed class ManualAnswersRequest : IPaged
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromRoute] public string ProblemId { get; set; } = "";
    [FromRoute] public string PartId { get; set; } = "";
    [FromQuery] public string? State { get; set; }
    [FromQuery] public string? Cursor { get; set; }
    [FromQuery] public string? Limit { get; set; }

    public ManualAnswerPosition? After => Cursor is null ? null : OpenCursor(Cursor);

    public bool IsCursor(string cursor) => OpenCursor(cursor) is not null;

    /// <summary>The cursor of the page after <paramref name="position"/>: its time and id, as the other lists' cursors.</summary>
    public static string SealCursor(ManualAnswerPosition position) =>
        PageCursor.Seal(new NewestFirstPosition(position.SubmittedAt, position.SubmissionId));

    private static ManualAnswerPosition? OpenCursor(string cursor) =>
        PageCursor.TryOpenPosition(cursor) is { } position ? new ManualAnswerPosition(position.Time, position.Id) : null;
}

/// <summary>
/// A grade of one manual part: either <c>points</c>, or <c>rubricItemIds</c> whose points are summed (clamped to the part's
/// points) plus an optional <c>adjustment</c>; and an optional <c>comment</c> the student sees as the part's feedback.
/// </summary>
public sealed record ManualGradeBody(double? Points, IReadOnlyList<Guid>? RubricItemIds, double? Adjustment, string? Comment)
{
    public const int MaxCommentLength = 4000;
}

/// <summary>A rubric item as staff add or change it.</summary>
public sealed record RubricItemBody(string? Label, double? Points, string? Description)
{
    public const int MaxLabelLength = 200;
    public const int MaxDescriptionLength = 2000;
}
