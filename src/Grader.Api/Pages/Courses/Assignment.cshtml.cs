using Grader.Api.Requests;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Courses;

/// <summary>
/// An assignment at a glance, from the API's summary query: score histogram, submissions by status, per-part outcomes and
/// the most common wrong answers, for the whole assignment or one problem, in an optional date window.
/// </summary>
public sealed class AssignmentModel(AssignmentSummaryQuery summaries, CourseAssignmentsQuery assignments) : PageModel, IWindowed
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ProblemId { get; set; }

    /// <summary>The window's start and end as <c>datetime-local</c> inputs send them (UTC), or any ISO 8601 time.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public AssignmentSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Problems = await assignments.ProblemsAsync(Course, Assignment, cancellationToken);
        if (Problems.Count == 0)
        {
            return NotFound();
        }

        ProblemId = string.IsNullOrEmpty(ProblemId) ? null : ProblemId;
        From = string.IsNullOrEmpty(From) ? null : From;
        To = string.IsNullOrEmpty(To) ? null : To;
        // The API's window rules, so a page and GET …/summary accept and refuse the same windows.
        var check = new WindowRules().Validate(this);
        if (!check.IsValid)
        {
            Errors = check.Errors.Select(e => e.ErrorMessage).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (from, to) = this.Window();
        Summary = await summaries.RunAsync(Course, Assignment, ProblemId, from, to, cancellationToken);
        return Page();
    }
}
