using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Regrades;

/// <summary>
/// Regrade jobs as staff see them: one job, the jobs a scope may see, cancelling, and a job's changed or failed
/// submissions a page at a time (keyset on submission id). A job across courses (no course) is in <see cref="CourseScope.All"/> only.
/// </summary>
public sealed class RegradeJobs(GraderDbContext db)
{
    /// <returns>The job, or null when it does not exist or lies outside <paramref name="scope"/>.</returns>
    public Task<RegradeJob?> FindAsync(Guid id, CourseScope scope, CancellationToken cancellationToken) =>
        Visible(scope).SingleOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>Newest first, keyset-paged on (start time, id); one more than <paramref name="limit"/> says another page follows.</summary>
    public async Task<(IReadOnlyList<RegradeJob> Jobs, NewestFirstPosition? Next)> ListAsync(
        CourseScope scope, string? course, RegradeJobState? state, NewestFirstPosition? after, int limit, CancellationToken cancellationToken)
    {
        var jobs = Visible(scope);
        jobs = course is null ? jobs : jobs.Where(j => j.Course == course);
        jobs = state is null ? jobs : jobs.Where(j => j.State == state);
        if (after is not null)
        {
            jobs = jobs.Where(j => j.CreatedAt < after.Time || (j.CreatedAt == after.Time && j.Id.CompareTo(after.Id) < 0));
        }

        var page = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? new NewestFirstPosition(page[limit - 1].CreatedAt, page[limit - 1].Id) : null;
        return (page.Take(limit).ToList(), next);
    }

    /// <summary>Cancels the job if it is still running; batches not yet regraded are then skipped.</summary>
    /// <returns>The job after the attempt (its state says whether it is cancelled), or null when it does not exist.</returns>
    public async Task<RegradeJob?> CancelAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RegradeJobs.Where(j => j.Id == id && j.State == RegradeJobState.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, RegradeJobState.Cancelled).SetProperty(j => j.FinishedAt, now),
                cancellationToken);
        return await db.RegradeJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>The job's submissions with <paramref name="outcome"/>, by submission id after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<RegradeItemRow>> ItemsAsync(
        Guid jobId, RegradeOutcome outcome, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var items = db.RegradeItems.AsNoTracking().Where(i => i.JobId == jobId && i.Outcome == outcome);
        if (after is { } last)
        {
            items = items.Where(i => i.SubmissionId.CompareTo(last) > 0);
        }

        return await items.OrderBy(i => i.SubmissionId).Take(limit)
            .Join(db.Submissions, i => i.SubmissionId, s => s.Id, (i, s) => new RegradeItemRow(i, s.StudentId, s.ProblemId))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<RegradeJob> Visible(CourseScope scope) => db.RegradeJobs.AsNoTracking().Within(scope, j => j.Course);
}

/// <summary>One submission of a job with the student and problem it belongs to.</summary>
public sealed record RegradeItemRow(RegradeItem Item, string StudentId, string ProblemId);
