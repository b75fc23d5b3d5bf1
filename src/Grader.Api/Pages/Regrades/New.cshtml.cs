using FluentValidation;
using Grader.Api.Regrades;
using Grader.Data.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Regrades;

/// <summary>Starts a dry run of a regrade with the API's fields, rules and planner; its page then offers the real one.</summary>
public sealed class NewRegradeModel(CourseScope scope, IValidator<RegradeRequestInput> rules, RegradePlanner planner) : PageModel
{
    public RegradeForm Form { get; private set; } = new();
    public List<string> Errors { get; } = [];
    public Guid? RunningJob { get; private set; }

    /// <summary>An instructor key's courses to choose from; null for an admin key (any course, or none for every course).</summary>
    public IReadOnlyList<string>? Courses => scope.Courses?.Order(StringComparer.Ordinal).ToList();

    public void OnGet(string? course, string? assignment, string? problemId) =>
        Form = new RegradeForm { Course = course, Assignment = assignment, ProblemId = problemId };

    public async Task<IActionResult> OnPostAsync(RegradeForm form, CancellationToken cancellationToken)
    {
        Form = form;
        var (id, error) = await RegradeStart.StartAsync(form.ToInput(dryRun: true), rules, planner, cancellationToken);
        if (id is { } started)
        {
            return Redirect($"/regrades/{started.Id}");
        }

        Response.StatusCode = error.RunningJob is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        Errors.AddRange(error.Messages);
        RunningJob = error.RunningJob;
        return Page();
    }
}
