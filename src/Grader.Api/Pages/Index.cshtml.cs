using Grader.Data.Access;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages;

/// <summary>The dashboard: the signed-in key's courses and their assignments.</summary>
public sealed class IndexModel(CourseAssignmentsQuery query, CourseScope scope) : PageModel
{
    public IReadOnlyList<IGrouping<string, CourseAssignment>> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Courses = (await query.RunAsync(scope, course: null, cancellationToken)).GroupBy(a => a.Course).ToList();
}
