using FluentValidation;
using Grader.Api.Access;
using Grader.Api.ManualGrading;
using Grader.Data.Manual;
using Grader.Grading.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Grading;

/// <summary>
/// The grading queue of one manual part: an answer (the next ungraded one unless the address names a submission), the
/// part's rubric as checkboxes, points, comment, previous/next in grading order, progress, and the rubric's own editing.
/// A grade or a rubric change goes through the same stores and rules as the JSON API.
/// </summary>
public sealed class GradingQueueModel(
    ManualGradingQuery query, ManualParts parts, ManualGradeStore store, RubricStore rubrics,
    IValidator<ManualGradeBody> gradeRules, IValidator<RubricItemBody> itemRules) : PageModel
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromRoute] public string ProblemId { get; set; } = "";
    [FromRoute] public string PartId { get; set; } = "";

    [TempData] public string? Notice { get; set; }

    public Part Part { get; private set; } = null!;
    public IReadOnlyList<StoredRubricItem> Rubric { get; private set; } = [];
    public ManualAnswer? Answer { get; private set; }
    public ManualAnswer? Previous { get; private set; }
    public ManualAnswer? Next { get; private set; }
    public long Graded { get; private set; }
    public long Total { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>What the grade form shows after a refused post: what was typed, not the stored grade.</summary>
    public GradeForm? Typed { get; private set; }

    public string QueueLink => GradingLinks.Queue(Course, Assignment, ProblemId, PartId);

    public async Task<IActionResult> OnGetAsync(Guid? submission, CancellationToken cancellationToken) =>
        await LoadAsync(submission, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGradeAsync(Guid submission, GradeForm grade, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(submission, cancellationToken) || Answer is null)
        {
            return NotFound();
        }

        var (body, error) = grade.ToBody();
        var points = 0.0;
        if (body is not null)
        {
            Errors.AddRange((await gradeRules.ValidateAsync(body, cancellationToken)).Errors.Select(e => e.ErrorMessage));
            if (Errors.Count == 0)
            {
                var decided = ManualGradeDecision.Decide(body, Answer.MaxScore, Part.Step, Rubric);
                Errors.AddRange(decided.Errors?.Values.SelectMany(m => m) ?? []);
                points = decided.Points;
            }
        }
        else
        {
            Errors.Add(error!);
        }

        if (Errors.Count > 0)
        {
            Typed = grade;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var input = new ManualGradeInput(submission, PartId, points, body!.RubricItemIds ?? [], body.Adjustment, body.Comment?.Trim() ?? "",
            ApiCaller.From(User)!.KeyId);
        if (!await store.GradeAsync(Course, input, Answer.MaxScore, cancellationToken))
        {
            return NotFound();
        }

        var saved = await query.FindAsync(Course, submission, PartId, cancellationToken);
        Notice = $"Saved {Answer.StudentId}'s answer: {GradingLinks.Points(saved?.Score ?? points)} of {GradingLinks.Points(Answer.MaxScore)}.";
        // On to the next ungraded answer (the oldest one left).
        return Redirect(QueueLink);
    }

    public async Task<IActionResult> OnPostAddItemAsync(Guid? submission, RubricItemForm item, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(submission, cancellationToken))
        {
            return NotFound();
        }

        var body = item.ToBody();
        if (!await ItemIsValidAsync(body, cancellationToken))
        {
            return Page();
        }

        Notice = await rubrics.AddAsync(Course, ProblemId, PartId, body.Label!.Trim(), body.Points!.Value, body.Description?.Trim() ?? "",
                cancellationToken) is { } added
            ? $"Added rubric item '{added.Label}' ({GradingLinks.Points(added.Points)} points)."
            : $"The rubric already has an item '{body.Label!.Trim()}'.";
        return Redirect(Here(submission));
    }

    public async Task<IActionResult> OnPostChangeItemAsync(Guid? submission, Guid itemId, RubricItemForm item,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(submission, cancellationToken) || Rubric.All(i => i.Id != itemId))
        {
            return NotFound();
        }

        var body = item.ToBody();
        if (!await ItemIsValidAsync(body, cancellationToken))
        {
            return Page();
        }

        var change = await rubrics.UpdateAsync(Course, itemId, body.Label!.Trim(), body.Points!.Value, body.Description?.Trim() ?? "",
            ApiCaller.From(User)!.KeyId, cancellationToken);
        if (change?.Item is not { } changed)
        {
            return NotFound();
        }

        Notice = $"Rubric item '{changed.Label}' now gives {GradingLinks.Points(changed.Points)}: "
                 + (change.Rescored == 1 ? "1 submission re-scored." : $"{change.Rescored} submissions re-scored.");
        return Redirect(Here(submission));
    }

    private async Task<bool> ItemIsValidAsync(RubricItemBody body, CancellationToken cancellationToken)
    {
        Errors.AddRange((await itemRules.ValidateAsync(body, cancellationToken)).Errors.Select(e => e.ErrorMessage));
        if (Errors.Count == 0)
        {
            return true;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    private string Here(Guid? submission) =>
        submission is { } id ? GradingLinks.Answer(Course, Assignment, ProblemId, PartId, id) : QueueLink;

    /// <returns>false when the part is not a manual part of the catalog, or the submission not an answer to it here.</returns>
    private async Task<bool> LoadAsync(Guid? submission, CancellationToken cancellationToken)
    {
        if (parts.Find(ProblemId, PartId) is not { } part)
        {
            return false;
        }

        Part = part;
        Rubric = await parts.RubricAsync(Course, ProblemId, part, cancellationToken);
        var count = (await query.CountsAsync(Course, Assignment, cancellationToken))
            .FirstOrDefault(c => c.ProblemId == ProblemId && c.PartId == PartId);
        (Graded, Total) = (count?.Graded ?? 0, (count?.Graded ?? 0) + (count?.Ungraded ?? 0));
        if (submission is { } id)
        {
            Answer = await query.FindAsync(Course, id, PartId, cancellationToken);
            if (Answer is null || Answer.Assignment != Assignment || Answer.ProblemId != ProblemId)
            {
                return false;
            }
        }
        else
        {
            Answer = (await query.ListAsync(Course, Assignment, ProblemId, PartId, ManualAnswerState.Ungraded, after: null, limit: 1,
                cancellationToken)).Answers.FirstOrDefault();
        }

        if (Answer is not null)
        {
            var position = ManualAnswerPosition.Of(Answer);
            Previous = await query.AdjacentAsync(Course, Assignment, ProblemId, PartId, position, before: true, cancellationToken);
            Next = await query.AdjacentAsync(Course, Assignment, ProblemId, PartId, position, before: false, cancellationToken);
        }
        else if (Total > 0)
        {
            // Every answer is graded: "previous" looks back at the last one.
            Previous = await query.AdjacentAsync(Course, Assignment, ProblemId, PartId,
                new ManualAnswerPosition(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), Guid.Empty), before: true, cancellationToken);
        }

        return true;
    }
}
