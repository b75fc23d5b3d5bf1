using Grader.Api.ManualGrading;
using Grader.Data.Entities;
using Grader.Data.Manual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Grading;

/// <summary>A manual part's answers in grading order, a page at a time by the API's cursor: where staff look back.</summary>
public sealed class GradingAnswersModel(ManualGradingQuery query, ManualParts parts) : PageModel
{
    public const int Limit = 50;
    private const int ExcerptLength = 200;

    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";
    [FromRoute] public string ProblemId { get; set; } = "";
    [FromRoute] public string PartId { get; set; } = "";

    public string State { get; private set; } = "all";
    public ManualAnswersPage Listed { get; private set; } = new([], null);
    public string? NextCursor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? state, string? cursor, CancellationToken cancellationToken)
    {
        if (parts.Find(ProblemId, PartId) is null)
        {
            return NotFound();
        }

        var request = new ManualAnswersRequest { Cursor = cursor };
        if (cursor is not null && !request.IsCursor(cursor)
            || !StoredNames.TryParse<ManualAnswerState>(state ?? "all", out var wanted))
        {
            return BadRequest();
        }

        State = wanted.ToString().ToLowerInvariant();
        Listed = await query.ListAsync(Course, Assignment, ProblemId, PartId, wanted, request.After, Limit, cancellationToken);
        NextCursor = Listed.Next is null ? null : ManualAnswersRequest.SealCursor(Listed.Next);
        return Page();
    }

    public string Excerpt(string? answer) => answer is null ? "(no answer)"
        : answer.Length <= ExcerptLength ? answer : answer[..ExcerptLength] + "…";
}
