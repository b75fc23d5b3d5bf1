using System.Security.Claims;
using Grader.Api.Access;
using Grader.Api.Queries;
using Grader.Data;
using Grader.Data.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Grader.Api.Regrades;

/// <summary>
/// <c>GET /api/v1/regrades</c>: the jobs a key may see, newest first, so staff find a job they did not start (or whose id
/// they lost) and see what is running. Keyset-paged on (start time, id); filters by course and state.
/// </summary>
public static class RegradeJobList
{
    private static readonly string[] States = ["running", "completed", "cancelled", "failed"];

    public static async Task<Results<Ok<RegradeJobsPage>, ValidationProblem, ProblemHttpResult>> ListRegrades(
        string? course, string? state, string? cursor, string? limit, ClaimsPrincipal user, GraderDbContext db,
        CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user)!;
        if (course is not null && !caller.MaySee(course))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No course {course}.");
        }

        var parameters = new QueryParameters();
        var after = parameters.Cursor(cursor, HistoryPosition.TryOpen);
        var pageSize = parameters.Limit(limit);
        if (state is not null && !States.Contains(state, StringComparer.Ordinal))
        {
            parameters.Errors["state"] = [$"state must be one of {string.Join(", ", States)}."];
        }

        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "A query parameter is invalid.");
        }

        var jobs = db.RegradeJobs.AsNoTracking();
        if (caller.Role != ApiKeyRole.Admin)
        {
            // Jobs across courses (no course) are an admin's, as for GET /api/v1/regrades/{id}.
            var courses = caller.Courses.ToArray();
            jobs = jobs.Where(j => j.Course != null && courses.Contains(j.Course));
        }

        jobs = course is null ? jobs : jobs.Where(j => j.Course == course);
        jobs = state is null ? jobs : jobs.Where(j => j.State == state);
        if (after is not null)
        {
            jobs = jobs.Where(j => j.CreatedAt < after.SubmittedAt || (j.CreatedAt == after.SubmittedAt && j.Id.CompareTo(after.Id) < 0));
        }

        var page = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? new HistoryPosition(page[pageSize - 1].CreatedAt, page[pageSize - 1].Id).Seal() : null;
        return TypedResults.Ok(new RegradeJobsPage(page.Take(pageSize).Select(job => RegradeJobView.From(job)).ToList(), next));
    }
}

/// <summary>A page of regrade jobs, newest first; <c>NextCursor</c> is null on the last page.</summary>
public sealed record RegradeJobsPage(IReadOnlyList<RegradeJobView> Items, string? NextCursor);
