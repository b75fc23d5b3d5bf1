using Grader.Api.Queries;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Data.Regrades;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Regrades;

/// <summary>
/// <c>GET /api/v1/regrades</c>: the jobs a key may see, newest first, so staff find a job they did not start (or whose id
/// they lost) and see what is running. Keyset-paged on (start time, id); filters by course and state.
/// </summary>
public static class RegradeJobList
{
    public static async Task<Ok<RegradeJobsPage>> ListRegrades(
        [AsParameters] RegradeListRequest request, CourseScope scope, RegradeJobs jobs, CancellationToken cancellationToken)
    {
        var (page, next) = await jobs.ListAsync(scope, request.Course, request.WantedState, request.After, request.PageSize(),
            cancellationToken);
        return TypedResults.Ok(new RegradeJobsPage(page.Select(job => RegradeJobView.From(job)).ToList(),
            next is null ? null : PageCursor.Seal(next)));
    }
}

/// <summary>A page of regrade jobs, newest first; <c>NextCursor</c> is null on the last page.</summary>
public sealed record RegradeJobsPage(IReadOnlyList<RegradeJobView> Items, string? NextCursor);
