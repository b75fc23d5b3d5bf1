using FluentValidation;
using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Courses;

/// <summary>A student's submissions in one course with their scores, newest first, paged as the API's history is.</summary>
public sealed class StudentModel(StudentHistoryQuery query, IValidator<StudentHistoryRequest> validator) : PageModel
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string StudentId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ProblemId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Limit { get; set; }

    public StudentHistory? History { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ProblemId = string.IsNullOrEmpty(ProblemId) ? null : ProblemId;
        var request = new StudentHistoryRequest { Course = Course, StudentId = StudentId, ProblemId = ProblemId, Cursor = Cursor, Limit = Limit };
        var check = await validator.ValidateAsync(request, cancellationToken);
        if (!check.IsValid)
        {
            Errors = check.Errors.Select(e => e.ErrorMessage).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var page = await query.RunAsync(Course, StudentId, ProblemId, null, null, request.After, request.PageSize(), cancellationToken);
        if (page.Submissions.Count == 0 && Cursor is null)
        {
            return NotFound();
        }

        History = StudentHistory.From(Course, StudentId, page);
        return Page();
    }
}
