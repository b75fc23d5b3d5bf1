using Grader.Api.Queries;
using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Regrades;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Regrades;

/// <summary>
/// <c>GET /api/v1/regrades</c>: the jobs a key may see, newest first, so staff find a job they did not start (or whose id
/// they lost) and see what is running. Keyset-paged on (start time, id); filters by course and state.
/// </summary>
public static class RegradeJobList
{
    public static async Task<Results<Ok<RegradeJobsPage>, ValidationProblem>> ListRegrades(
        string? course, string? state, string? cursor, string? limit, CourseScope scope, RegradeJobs jobs,
        CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var after = parameters.Cursor(cursor, PageCursor.TryOpenPosition);
        var pageSize = parameters.Limit(limit);
        RegradeJobState? wanted = null;
        if (state is not null)
        {
            if (StoredNames.TryParse<RegradeJobState>(state, out var parsed) && parsed.Name() == state)
            {
                wanted = parsed;
            }
            else
            {
                parameters.Errors["state"] = [$"state must be one of {string.Join(", ", StoredNames.All<RegradeJobState>())}."];
            }
        }

        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "A query parameter is invalid.");
        }

        var (page, next) = await jobs.ListAsync(scope, course, wanted, after, pageSize, cancellationToken);
        return TypedResults.Ok(new RegradeJobsPage(page.Select(job => RegradeJobView.From(job)).ToList(),
            next is null ? null : PageCursor.Seal(next)));
    }
}

/// <summary>A page of regrade jobs, newest first; <c>NextCursor</c> is null on the last page.</summary>
public sealed record RegradeJobsPage(IReadOnlyList<RegradeJobView> Items, string? NextCursor);
