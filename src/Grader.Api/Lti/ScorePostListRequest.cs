using System.Globalization;
using FluentValidation;
using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Passback;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Lti;

/// <summary><c>GET /api/v1/lti/scores</c>: AGS Score posts by state, platform source and submission, newest first.</summary>
public sealed class ScorePostListRequest : IPaged
{
    [FromQuery] public string? State { get; set; }
    [FromQuery] public string? Source { get; set; }
    [FromQuery] public string? Submission { get; set; }
    [FromQuery] public string? Cursor { get; set; }
    [FromQuery] public string? Limit { get; set; }

    public Guid? SubmissionId => Guid.TryParse(Submission, out var id) ? id : null;

    public long? BeforeSeq => Cursor is null ? null : OpenCursor(Cursor);

    public bool IsCursor(string cursor) => OpenCursor(cursor) is not null;

    public static string SealCursor(long seq) => PageCursor.Seal(seq.ToString(CultureInfo.InvariantCulture));

    private static long? OpenCursor(string cursor) =>
        long.TryParse(PageCursor.TryOpen(cursor), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
}

/// <summary>The page, a known state (the webhook deliveries' states), a submission id.</summary>
public sealed class ScorePostListRequestValidator : AbstractValidator<ScorePostListRequest>
{
    public ScorePostListRequestValidator()
    {
        Include(new PageRules());
        RuleFor(r => r.State).Must(state => state is null || GradeEventStates.IsKnown(state))
            .WithMessage($"state must be one of {GradeEventStates.Pending}, {GradeEventStates.Delivered}, {GradeEventStates.Dead}.");
        RuleFor(r => r.Submission).Must(id => id is null || Guid.TryParse(id, out _))
            .WithMessage("submission must be a submission id (a UUID).");
    }
}
