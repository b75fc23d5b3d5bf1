using FluentValidation;
using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Entities;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Regrades;

/// <summary><c>GET /api/v1/regrades</c>: the jobs a key may see, by course and state, newest first.</summary>
public sealed class RegradeListRequest : IPaged
{
    [FromQuery] public string? Course { get; set; }
    [FromQuery] public string? State { get; set; }
    [FromQuery] public string? Cursor { get; set; }
    [FromQuery] public string? Limit { get; set; }

    public RegradeJobState? WantedState => StoredNames.TryParse<RegradeJobState>(State, out var state) ? state : null;

    public NewestFirstPosition? After => Cursor is null ? null : PageCursor.TryOpenPosition(Cursor);

    public bool IsCursor(string cursor) => PageCursor.TryOpenPosition(cursor) is not null;
}

/// <summary>
/// <c>GET /api/v1/regrades/{id}/changes</c> and <c>/failures</c>: a page of a job's submissions by id. <c>cursor</c> as
/// every list; <c>after</c> (a submission id, what these lists took first) is still read.
/// </summary>
public sealed class RegradeItemsRequest : IPaged
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery] public string? Cursor { get; set; }
    [FromQuery] public string? After { get; set; }
    [FromQuery] public string? Limit { get; set; }

    public Guid? AfterSubmission => Cursor is not null && PageCursor.TryOpen(Cursor) is { } payload && Guid.TryParse(payload, out var fromCursor)
        ? fromCursor
        : Guid.TryParse(After, out var after) ? after : null;

    public bool IsCursor(string cursor) => PageCursor.TryOpen(cursor) is { } payload && Guid.TryParse(payload, out _);
}

/// <summary>The rules of <see cref="RegradeListRequest"/>: the page and a known state, spelled as stored.</summary>
public sealed class RegradeListRequestValidator : AbstractValidator<RegradeListRequest>
{
    public RegradeListRequestValidator()
    {
        Include(new PageRules());
        RuleFor(r => r.State).Must(state => state is null || StoredNames.All<RegradeJobState>().Contains(state))
            .WithMessage($"state must be one of {string.Join(", ", StoredNames.All<RegradeJobState>())}.");
    }
}

/// <summary>The rules of <see cref="RegradeItemsRequest"/>: the page, and <c>after</c> a submission id.</summary>
public sealed class RegradeItemsRequestValidator : AbstractValidator<RegradeItemsRequest>
{
    public RegradeItemsRequestValidator()
    {
        Include(new PageRules());
        RuleFor(r => r.After).Must(after => after is null || Guid.TryParse(after, out _))
            .WithMessage("after must be a submission id (a UUID), as in the previous page's next link.");
    }
}
