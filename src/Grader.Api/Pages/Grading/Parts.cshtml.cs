using Grader.Api.ManualGrading;
using Grader.Data.Manual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Grading;

/// <summary>An assignment's manual parts with their progress (n of m graded), each leading to its grading queue.</summary>
public sealed class GradingPartsModel(ManualGradingQuery query, ManualParts parts) : PageModel
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public string Assignment { get; set; } = "";

    public IReadOnlyList<ManualPartCountView> Parts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Parts = (await query.CountsAsync(Course, Assignment, cancellationToken))
            .Select(c => new ManualPartCountView(c.ProblemId, c.PartId, parts.Find(c.ProblemId, c.PartId)?.Points ?? 0, c.Ungraded, c.Graded))
            .ToList();
}
