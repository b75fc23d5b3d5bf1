using Grader.Data.Access;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Courses;

/// <summary>One course's assignments; a course outside the key's scope is 404 (<see cref="Staff.PageCourseScope"/>).</summary>
public sealed class CourseModel(CourseAssignmentsQuery query, CourseScope scope) : PageModel
{
    [FromRoute] public string Course { get; set; } = "";

    public IReadOnlyList<CourseAssignment> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assignments = await query.RunAsync(scope, Course, cancellationToken);
}
