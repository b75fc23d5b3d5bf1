using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.ManualGrading;

/// <summary><c>GET …/assignments/{assignment}/manual/{problemId}/{partId}</c>: which answers (ungraded by default) and how many.</summary>
public sealed class ManualAnswersRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromRoute] public string ProblemId { get; set; } = "";
    [FromRoute] public string PartId { get; set; } = "";
    [FromQuery] public string? State { get; set; }
    [FromQuery] public int? Limit { get; set; }
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
