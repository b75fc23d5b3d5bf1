using System.Globalization;
using FluentValidation;
using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Passback;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Passback;

/// <summary>
/// <c>GET /api/v1/webhooks/deliveries</c> and <c>GET /api/v1/lti/scores</c>: outgoing grade events or AGS Score posts by
/// state, source and submission, newest first. Both outboxes share the states and the sequence cursor, so one request.
/// </summary>
public sealed class DeliveryListRequest : IPaged
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

/// <summary>The rules of <see cref="DeliveryListRequest"/>: the page, a known state, a submission id.</summary>
public sealed class DeliveryListRequestValidator : AbstractValidator<DeliveryListRequest>
{
    public DeliveryListRequestValidator()
    {
        Include(new PageRules());
        RuleFor(r => r.State).Must(state => state is null || GradeEventStates.IsKnown(state))
            .WithMessage($"state must be one of {GradeEventStates.Pending}, {GradeEventStates.Delivered}, {GradeEventStates.Dead}.");
        RuleFor(r => r.Submission).Must(id => id is null || Guid.TryParse(id, out _))
            .WithMessage("submission must be a submission id (a UUID).");
    }
}
