using Grader.Api.Requests;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Queries;

/// <summary><c>GET …/assignments/{assignment}/summary</c>: an assignment, or one problem of it, in an optional window.</summary>
public sealed class SummaryRequest : IWindowed
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromQuery] public string? ProblemId { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
}

/// <summary><c>GET …/assignments/{assignment}/gradebook</c>: which submission counts, the window, the page, JSON or CSV.</summary>
public sealed class GradebookRequest : IWindowed, IPaged
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromQuery] public string? ProblemId { get; set; }
    [FromQuery] public string? Policy { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    [FromQuery] public string? Cursor { get; set; }
    [FromQuery] public string? Limit { get; set; }
    [FromQuery] public string? Format { get; set; }
    [FromHeader(Name = "Accept")] public string? Accept { get; set; }

    /// <summary>The column the whole gradebook is ordered by: <c>student</c> (the default), <c>total</c> or a problem id.</summary>
    [FromQuery] public string? Sort { get; set; }

    /// <summary><c>asc</c> (the default) or <c>desc</c>.</summary>
    [FromQuery] public string? Order { get; set; }

    public GradebookOrder SortOrder =>
        new(string.IsNullOrEmpty(Sort) ? GradebookOrder.Student : Sort, Order?.ToLowerInvariant() == "desc");

    public GradebookPolicy CountedPolicy => Policy?.ToLowerInvariant() == "best" ? GradebookPolicy.Best : GradebookPolicy.Latest;

    /// <summary>CSV when <c>format=csv</c>, or with no format when the client accepts <c>text/csv</c>.</summary>
    public bool Csv => Format?.ToLowerInvariant() switch
    {
        "csv" => true,
        null => Accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };

    /// <summary>The last student of the previous page (ascending student order).</summary>
    public string? AfterStudent => Cursor is null ? null : PageCursor.TryOpen(Cursor);

    /// <summary>Where the previous page of any other order ended.</summary>
    public GradebookPosition? After => Cursor is null ? null : GradebookCursor.TryOpen(Cursor)?.Position;

    /// <summary>A cursor of this very order: a student cursor for student order, else a sorted one of the same column and direction.</summary>
    public bool IsCursor(string cursor) => SortOrder.IsByStudent
        ? PageCursor.TryOpen(cursor) is not null
        : GradebookCursor.TryOpen(cursor) is { } sorted && sorted.Order == SortOrder;
}

/// <summary><c>GET /api/v1/courses/{course}/students/{studentId}/submissions</c>: a student's history, newest first.</summary>
public sealed class StudentHistoryRequest : IWindowed, IPaged
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string StudentId { get; set; } = "";
    [FromQuery] public string? ProblemId { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    [FromQuery] public string? Cursor { get; set; }
    [FromQuery] public string? Limit { get; set; }

    public NewestFirstPosition? After => Cursor is null ? null : PageCursor.TryOpenPosition(Cursor);

    public bool IsCursor(string cursor) => PageCursor.TryOpenPosition(cursor) is not null;
}
