using Grader.Api.Queries;
using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Regrades;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Regrades;

/// <summary>The regrade jobs the key may see, newest first, with state and progress; keyset-paged as the API's list.</summary>
public sealed class RegradesIndexModel(RegradeJobs jobs, CourseScope scope) : PageModel
{
    private const int Limit = 50;

    public IReadOnlyList<RegradeJob> Jobs { get; private set; } = [];
    public string? NextCursor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? cursor, CancellationToken cancellationToken)
    {
        var after = cursor is null ? null : PageCursor.TryOpenPosition(cursor);
        if (cursor is not null && after is null)
        {
            return BadRequest();
        }

        var (page, next) = await jobs.ListAsync(scope, course: null, state: null, after, Limit, cancellationToken);
        (Jobs, NextCursor) = (page, next is null ? null : PageCursor.Seal(next));
        return Page();
    }
}
