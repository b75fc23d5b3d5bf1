using Grader.Api.Access;
using Grader.Api.ManualGrading;
using Grader.Data.Manual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Grading;

/// <summary>
/// Deleting a rubric item from the grading page, in two steps: this page (a link from the item's form) says what the
/// delete does and how many grades apply the item; its POST deletes through <see cref="RubricStore.DeleteAsync"/>, the
/// JSON API's delete, which re-scores those grades without the item in the same transaction, and back on the queue the
/// notice says how many submissions that re-scored. A plain link and a form: no script, reachable by keyboard.
/// </summary>
public sealed class DeleteRubricItemModel(ManualParts parts, RubricStore rubrics) : PageModel
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromRoute] public string ProblemId { get; set; } = "";
    [FromRoute] public string PartId { get; set; } = "";
    [FromRoute] public Guid ItemId { get; set; }

    /// <summary>The answer the grader came from, to go back to (the queue's oldest ungraded answer when absent).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Submission { get; set; }

    [TempData] public string? Notice { get; set; }

    public StoredRubricItem Item { get; private set; } = null!;
    public long Applied { get; private set; }

    public string Back => Submission is { } id
        ? GradingLinks.Answer(Course, Assignment, ProblemId, PartId, id)
        : GradingLinks.Queue(Course, Assignment, ProblemId, PartId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        Applied = await rubrics.AppliedCountAsync(Course, ItemId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Deleted meanwhile (another tab, the API): nothing left to delete here.
        if (!await FindAsync(cancellationToken)
            || await rubrics.DeleteAsync(Course, ItemId, ApiCaller.From(User)!.KeyId, cancellationToken) is not { } change)
        {
            return NotFound();
        }

        Notice = $"Deleted rubric item '{Item.Label}': "
                 + (change.Rescored == 1 ? "1 submission re-scored." : $"{change.Rescored} submissions re-scored.");
        return Redirect(Back);
    }

    /// <returns>false unless the item is one of this manual part's in this course.</returns>
    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        if (parts.Find(ProblemId, PartId) is null || await rubrics.FindAsync(Course, ItemId, cancellationToken) is not { } item
            || item.ProblemId != ProblemId || item.PartId != PartId)
        {
            return false;
        }

        Item = item;
        return true;
    }
}
