using Grader.Api.Access;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Regrades;
using Grader.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grader.Api.Regrades;

/// <summary>
/// Bulk regrade jobs: start (or dry-run), list, watch, page through the changes and the failures, cancel. Instructor and admin keys; an instructor
/// key must scope a job to one of its courses and sees only such jobs (another course's job is 404, as if absent).
/// </summary>
public static class RegradesApi
{
    public static RouteGroupBuilder MapRegradesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/regrades").WithTags("Regrades").RequireAuthorization(AccessPolicies.Instructor)
            .RequireCourseScope().ValidateRequests();
        api.MapPost("/", StartRegrade)
            .WithName("StartRegrade")
            .WithSummary("Regrade the graded submissions that match a filter, in batches shared by every worker")
            .Accepts<RegradeRequestInput>("application/json");
        api.MapGet("/", RegradeJobList.ListRegrades)
            .WithName("ListRegrades")
            .WithSummary("The regrade jobs this key may see, newest first (filters: course, state; cursor paging)");
        api.MapGet("/{id:guid}", GetRegrade)
            .WithName("GetRegrade")
            .WithSummary("State and counts of a regrade job; a dry run's report of what would change");
        api.MapGet("/{id:guid}/changes", GetRegradeChanges)
            .WithName("GetRegradeChanges")
            .WithSummary("The submissions whose score the job changed (or would), with the parts that flip, a page at a time");
        api.MapGet("/{id:guid}/failures", GetRegradeFailures)
            .WithName("GetRegradeFailures")
            .WithSummary("The submissions the job could not regrade, each with the reason, a page at a time");
        api.MapPost("/{id:guid}/cancel", CancelRegrade)
            .WithName("CancelRegrade")
            .WithSummary("Stop a running job: batches not yet regraded are skipped; committed ones stay");
        return api;
    }

    public static async Task<Results<Accepted<RegradeJobView>, ProblemHttpResult>> StartRegrade(
        RegradeRequestInput input, CourseScope scope, RegradePlanner planner, RegradeJobs jobs, CancellationToken cancellationToken)
    {
        var (id, started) = await planner.StartAsync(input, cancellationToken);
        if (!started)
        {
            // The running job is in the caller's scope: its filter names the same course. The reason is no part of the filter:
            // the same filter selects the same submissions, so a second job would only redo the first's work.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"Regrade {id} with the same filter is still running.",
                detail: $"The same filter (course, assignment, problemId, gradedWithVersionOtherThanCurrent, submittedBefore, dryRun) "
                    + "selects the same submissions whatever the reason, so another job would redo its work. "
                    + $"Follow it at /api/v1/regrades/{id}, or cancel it (POST /api/v1/regrades/{id}/cancel) before starting another.",
                extensions: new Dictionary<string, object?> { ["runningJobId"] = id });
        }

        var job = await jobs.FindAsync(id, scope, cancellationToken) ?? throw new InvalidOperationException($"Job {id} was not stored.");
        return TypedResults.Accepted($"/api/v1/regrades/{id}", RegradeJobView.From(job));
    }

    public static async Task<Results<Ok<RegradeJobView>, ProblemHttpResult>> GetRegrade(
        Guid id, CourseScope scope, RegradeJobs jobs, RegradeChanges changes, IOptions<RegradeOptions> options,
        CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, scope, cancellationToken) is not { } job)
        {
            return NotFound(id);
        }

        var report = job.DryRun ? await changes.ReportAsync(job, options.Value.ChangesPageSize, cancellationToken) : null;
        return TypedResults.Ok(RegradeJobView.From(job, report));
    }

    public static Task<Results<Ok<RegradeChangesPage>, ProblemHttpResult>> GetRegradeChanges(
        [AsParameters] RegradeItemsRequest request, CourseScope scope, RegradeJobs jobs, RegradeChanges changes,
        IOptions<RegradeOptions> options, CancellationToken cancellationToken) =>
        PageOfJobAsync(request, scope, jobs, options, changes.PageAsync, cancellationToken);

    public static Task<Results<Ok<RegradeFailuresPage>, ProblemHttpResult>> GetRegradeFailures(
        [AsParameters] RegradeItemsRequest request, CourseScope scope, RegradeJobs jobs, RegradeChanges changes,
        IOptions<RegradeOptions> options, CancellationToken cancellationToken) =>
        PageOfJobAsync(request, scope, jobs, options, changes.FailuresAsync, cancellationToken);

    /// <summary>A page of one of a job's lists (keyset on submission id); 404 for a job outside the scope.</summary>
    private static async Task<Results<Ok<TPage>, ProblemHttpResult>> PageOfJobAsync<TPage>(
        RegradeItemsRequest request, CourseScope scope, RegradeJobs jobs, IOptions<RegradeOptions> options,
        Func<Guid, Guid?, int, CancellationToken, Task<TPage>> page, CancellationToken cancellationToken) =>
        await jobs.FindAsync(request.Id, scope, cancellationToken) is null
            ? NotFound(request.Id)
            : TypedResults.Ok(await page(request.Id, request.AfterSubmission, request.PageSize(options.Value.ChangesPageSize),
                cancellationToken));

    public static async Task<Results<Ok<RegradeJobView>, ProblemHttpResult>> CancelRegrade(
        Guid id, CourseScope scope, RegradeJobs jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, scope, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return await jobs.CancelAsync(id, clock.GetUtcNow(), cancellationToken) switch
        {
            null => NotFound(id),
            { State: RegradeJobState.Cancelled } job => TypedResults.Ok(RegradeJobView.From(job)),
            var job => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Regrade {id} is already {job.State.Name()}."),
        };
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No regrade {id}.");
}
