using Grader.Data.Access;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Grading;

/// <summary>Where grading starts: the key's assignments, each leading to its manual parts.</summary>
public sealed class GradingIndexModel(CourseAssignmentsQuery query, CourseScope scope) : PageModel
{
    public IReadOnlyList<CourseAssignment> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assignments = await query.RunAsync(scope, course: null, cancellationToken);
}
