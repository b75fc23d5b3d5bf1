using FluentValidation;
using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Courses;

/// <summary>
/// An assignment's gradebook, one page of students at a time (the API's query, cursor and rules), each cell linking to
/// the submission that counts; the column headers sort the whole gradebook (the API's sort and order), and the pages
/// follow that order; the CSV holds every student.
/// </summary>
public sealed class GradebookModel(GradebookQuery query, IValidator<GradebookRequest> validator) : PageModel
{
    public const string TotalColumn = "total";
    public const string StudentColumn = "student";

    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Policy { get; set; }
    [BindProperty(SupportsGet = true)] public string? Limit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    /// <summary>The column the whole gradebook is ordered by: student (the default), a problem id, or total.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public Gradebook? Book { get; private set; }
    public IReadOnlyList<GradebookRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ValidAsync(cancellationToken) is not { } request)
        {
            return Page();
        }

        var order = request.SortOrder;
        var page = order.IsByStudent
            ? await query.RunAsync(Course, Assignment, null, request.CountedPolicy, null, null, request.AfterStudent, request.PageSize(),
                cancellationToken)
            : await query.RunSortedAsync(Course, Assignment, null, request.CountedPolicy, null, null, order, request.After,
                request.PageSize(), cancellationToken);
        if (page is null || page.Problems.Count == 0)
        {
            return NotFound();
        }

        Book = Gradebook.From(Course, Assignment, request.CountedPolicy, page, order);
        Rows = page.Rows;
        return Page();
    }

    /// <summary>Every student, page after page of the largest size, as the API's CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await ValidAsync(cancellationToken) is not { } request)
        {
            return Staff.PageErrors.Refuse(HttpContext, StatusCodes.Status400BadRequest, string.Join(' ', Errors));
        }

        var rows = new List<GradebookRow>();
        GradebookPage page;
        string? after = null;
        do
        {
            page = await query.RunAsync(Course, Assignment, null, request.CountedPolicy, null, null, after, IPaged.MaxLimit, cancellationToken);
            rows.AddRange(page.Rows);
            after = page.ContinueAfter;
        }
        while (after is not null);

        if (page.Problems.Count == 0)
        {
            return NotFound();
        }

        var book = Gradebook.From(Course, Assignment, request.CountedPolicy, page with { Rows = rows, ContinueAfter = null });
        return File(System.Text.Encoding.UTF8.GetBytes(GradebookCsv.Write(book)), "text/csv; charset=utf-8",
            $"{Course}-{Assignment}-gradebook-{book.Policy}.csv");
    }

    /// <summary>The link of this page with some of its parameters changed (sorting, another page, another policy).</summary>
    public string Link(string? sort = null, bool? desc = null, string? cursor = null, string? policy = null) =>
        Url.Page("Gradebook", new
        {
            course = Course,
            assignment = Assignment,
            policy = policy ?? Book?.Policy,
            limit = Limit,
            cursor,
            sort = sort ?? Sort,
            desc = (desc ?? Desc) ? "true" : null,
        })!;

    private async Task<GradebookRequest?> ValidAsync(CancellationToken cancellationToken)
    {
        // The API's request and rules: policy, limit 1–1000, a cursor it handed out.
        var request = new GradebookRequest
        {
            Course = Course, Assignment = Assignment, Policy = Policy, Limit = Limit, Cursor = Cursor, Sort = Sort, Order = Desc ? "desc" : null,
        };
        var check = await validator.ValidateAsync(request, cancellationToken);
        if (check.IsValid)
        {
            return request;
        }

        Errors = check.Errors.Select(e => e.ErrorMessage).ToList();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return null;
    }
}
