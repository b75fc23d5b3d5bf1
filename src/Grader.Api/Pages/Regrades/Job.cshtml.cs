using FluentValidation;
using Grader.Api.Queries;
using Grader.Api.Regrades;
using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Queries;
using Grader.Data.Regrades;
using Grader.ServiceDefaults;
using Grader.Api.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Grader.Api.Pages.Regrades;

/// <summary>
/// One regrade job: state and a progress bar (refreshed by regrades.js from <c>?handler=progress</c> while it runs), the
/// submissions and parts that change (or would), each linked to its submission's page, failures with their reasons, cancel,
/// and — for a finished dry run — the real regrade of the same filter. A job outside the key's scope is 404.
/// </summary>
public sealed class RegradeJobModel(
    RegradeJobs jobs, CourseScope scope, RegradeChanges changes, IOptions<RegradeOptions> options, TimeProvider clock,
    IValidator<RegradeRequestInput> rules, RegradePlanner planner, SubmissionCoursesQuery courses) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    [TempData] public string? Notice { get; set; }

    public RegradeJob Job { get; private set; } = null!;
    public RegradeChangesPage Changes { get; private set; } = new([], null, null);
    public RegradeFailuresPage Failures { get; private set; } = new([], null, null);

    /// <summary>The course of each listed submission the key may see (a job across courses lists several).</summary>
    public IReadOnlyDictionary<Guid, string> Courses { get; private set; } = new Dictionary<Guid, string>();
    public List<string> Errors { get; } = [];

    public bool CanConfirm => Job is { DryRun: true, State: RegradeJobState.Completed };

    /// <param name="cursor">Where the changes list goes on (its "More changes" link).</param>
    /// <param name="failures">Where the failures list goes on (its "More failures" link): a job may fail more than a page.</param>
    public async Task<IActionResult> OnGetAsync(string? cursor, string? failures, CancellationToken cancellationToken)
    {
        // A cursor is only ever one of this page's own "More" links: anything else was typed or cut, and the error page says which.
        if (!TryOpen(cursor, out var after))
        {
            return PageErrors.Refuse(HttpContext, StatusCodes.Status400BadRequest, NotACursor("cursor", "More changes"));
        }

        if (!TryOpen(failures, out var failuresAfter))
        {
            return PageErrors.Refuse(HttpContext, StatusCodes.Status400BadRequest, NotACursor("failures", "More failures"));
        }

        return await LoadAsync(after, failuresAfter, cancellationToken) ? Page() : NotFound();
    }

    private static string NotACursor(string parameter, string link) =>
        $"The '{parameter}' parameter is not a position in this job's list: use the page's \"{link}\" link, or open the job without it.";

    /// <summary>The submission page of a listed submission; null for one whose course the key may not see.</summary>
    public string? SubmissionLink(Guid submission) => Courses.TryGetValue(submission, out var course)
        ? $"/courses/{Uri.EscapeDataString(course)}/submissions/{submission}"
        : null;

    private static bool TryOpen(string? cursor, out Guid? after)
    {
        after = null;
        if (cursor is null)
        {
            return true;
        }

        if (!Guid.TryParse(PageCursor.TryOpen(cursor), out var last))
        {
            return false;
        }

        after = last;
        return true;
    }

    /// <summary>What the progress bar needs, polled while the job runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken) =>
        await jobs.FindAsync(Id, scope, cancellationToken) is { } job
            ? new JsonResult(new { state = job.State.Name(), job.Total, job.Done, job.Changed, job.Failed })
            : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(Id, scope, cancellationToken) is null
            || await jobs.CancelAsync(Id, clock.GetUtcNow(), cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Notice = job.State == RegradeJobState.Cancelled
            ? "Cancelled: batches not yet regraded are skipped; those already committed stay."
            : $"Not cancelled: the job is already {job.State.Name()}.";
        return Redirect($"/regrades/{Id}");
    }

    /// <summary>The real regrade of a finished dry run's filter and reason.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(Id, scope, cancellationToken) is not { } dryRun)
        {
            return NotFound();
        }

        Job = dryRun;
        if (!CanConfirm)
        {
            Notice = "Only a completed dry run can be confirmed.";
            return Redirect($"/regrades/{Id}");
        }

        var input = new RegradeRequestInput
        {
            Course = dryRun.Course, Assignment = dryRun.Assignment, ProblemId = dryRun.ProblemId,
            GradedWithVersionOtherThanCurrent = dryRun.GradedWithVersionOtherThanCurrent, SubmittedBefore = dryRun.SubmittedBefore,
            Reason = dryRun.Reason, DryRun = false,
        };
        var (started, refusal) = await RegradeStart.StartAsync(input, rules, planner, cancellationToken);
        if (started is not null)
        {
            return Redirect($"/regrades/{started.Id}");
        }

        Notice = refusal.RunningJob is { } running
            ? $"A regrade with the same filter is still running: job {running}."
            : "The regrade was refused: " + string.Join(" ", refusal.Messages);
        return Redirect($"/regrades/{Id}");
    }

    private async Task<bool> LoadAsync(Guid? after, Guid? failuresAfter, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(Id, scope, cancellationToken) is not { } job)
        {
            return false;
        }

        Job = job;
        var pageSize = options.Value.ChangesPageSize;
        Changes = await changes.PageAsync(Id, after, pageSize, cancellationToken);
        Failures = await changes.FailuresAsync(Id, failuresAfter, pageSize, cancellationToken);
        Courses = await courses.RunAsync(
            Changes.Items.Select(c => c.SubmissionId).Concat(Failures.Items.Select(f => f.SubmissionId)).ToHashSet(), scope, cancellationToken);
        return true;
    }
}
