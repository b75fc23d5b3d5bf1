using Grader.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Api.Regrades;

/// <summary>Bulk regrade jobs: start (or dry-run), watch, page through the changes, cancel. One group, so one policy guards all.</summary>
public static class RegradesApi
{
    public static RouteGroupBuilder MapRegradesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/regrades").WithTags("Regrades");
        api.MapPost("/", StartRegrade)
            .WithName("StartRegrade")
            .WithSummary("Regrade the graded submissions that match a filter, in batches shared by every worker")
            .Accepts<RegradeRequest>("application/json");
        api.MapGet("/{id:guid}", GetRegrade)
            .WithName("GetRegrade")
            .WithSummary("State and counts of a regrade job; a dry run's report of what would change");
        api.MapGet("/{id:guid}/changes", GetRegradeChanges)
            .WithName("GetRegradeChanges")
            .WithSummary("The submissions whose score the job changed (or would), with the parts that flip, a page at a time");
        api.MapPost("/{id:guid}/cancel", CancelRegrade)
            .WithName("CancelRegrade")
            .WithSummary("Stop a running job: batches not yet regraded are skipped; committed ones stay");
        return api;
    }

    public static async Task<Results<Accepted<RegradeJobView>, ValidationProblem>> StartRegrade(
        HttpRequest request, RegradeRequestReader reader, RegradePlanner planner, GraderDbContext db,
        CancellationToken cancellationToken)
    {
        var (regrade, errors) = await reader.ReadAsync(request, cancellationToken);
        if (regrade is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The regrade request is invalid.");
        }

        var id = await planner.StartAsync(regrade, cancellationToken);
        var job = await db.RegradeJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        return TypedResults.Accepted($"/api/v1/regrades/{id}", RegradeJobView.From(job));
    }

    public static async Task<Results<Ok<RegradeJobView>, ProblemHttpResult>> GetRegrade(
        Guid id, GraderDbContext db, RegradeChanges changes, IOptions<RegradeOptions> options, CancellationToken cancellationToken)
    {
        var job = await db.RegradeJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return NotFound(id);
        }

        var report = job.DryRun ? await changes.ReportAsync(job, options.Value.ChangesPageSize, cancellationToken) : null;
        return TypedResults.Ok(RegradeJobView.From(job, report));
    }

    public static async Task<Results<Ok<RegradeChangesPage>, ProblemHttpResult>> GetRegradeChanges(
        Guid id, [FromQuery] Guid? after, [FromQuery] int? limit, GraderDbContext db, RegradeChanges changes,
        IOptions<RegradeOptions> options, CancellationToken cancellationToken)
    {
        if (!await db.RegradeJobs.AnyAsync(j => j.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        var size = Math.Clamp(limit ?? options.Value.ChangesPageSize, 1, RegradeChanges.MaxPageSize);
        return TypedResults.Ok(await changes.PageAsync(id, after, size, cancellationToken));
    }

    public static async Task<Results<Ok<RegradeJobView>, ProblemHttpResult>> CancelRegrade(
        Guid id, GraderDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.RegradeJobs.Where(j => j.Id == id && j.State == "running")
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, "cancelled").SetProperty(j => j.FinishedAt, now), cancellationToken);
        var job = await db.RegradeJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job switch
        {
            null => NotFound(id),
            { State: "cancelled" } => TypedResults.Ok(RegradeJobView.From(job)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Regrade {id} is already {job.State}."),
        };
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No regrade {id}.");
}
