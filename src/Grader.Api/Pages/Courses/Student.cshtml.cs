using FluentValidation;
using Grader.Api.Pages.Grading;
using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Manual;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Courses;

/// <summary>
/// A student's submissions in one course with their scores, newest first, paged as the API's history is; a submission whose
/// manual parts still wait for a staff grade says how many, with a link into the grading queue at it.
/// </summary>
public sealed class StudentModel(StudentHistoryQuery query, ManualGradingQuery manual, IValidator<StudentHistoryRequest> validator)
    : PageModel
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string StudentId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ProblemId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Limit { get; set; }

    public StudentHistory? History { get; private set; }

    /// <summary>The parts of each listed submission that wait for a staff grade; a submission with none is absent.</summary>
    public IReadOnlyDictionary<Guid, string[]> Waiting { get; private set; } = new Dictionary<Guid, string[]>();
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
        Waiting = await manual.WaitingAsync(Course, page.Submissions.Select(s => s.Id).ToList(), cancellationToken);
        return Page();
    }

    /// <summary>"1 manual part to grade", "2 manual parts to grade"; null when none waits.</summary>
    public string? WaitingText(Guid submission) => Waiting.TryGetValue(submission, out var parts)
        ? parts.Length == 1 ? "1 manual part to grade" : $"{parts.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} manual parts to grade"
        : null;

    /// <summary>
    /// Where to grade what waits: one part, the grading queue at this submission's answer; several, the submission's parts,
    /// each with its own link into its queue (the queue goes on through one part's answers, not through one submission's).
    /// </summary>
    public string GradeLink(StudentSubmission s) => Waiting[s.Id] is [var only]
        ? GradingLinks.Answer(Course, s.Assignment, s.ProblemId, only, s.Id)
        : $"/courses/{Uri.EscapeDataString(Course)}/submissions/{s.Id}#parts";
}
