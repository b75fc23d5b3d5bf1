using Grader.Data.Access;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Submissions;

/// <summary>What the API reads and writes of submissions: a stored delivery, a submission, its result history.</summary>
public sealed class SubmissionStore(GraderDbContext db)
{
    /// <returns>The submission with its current result, or null when it does not exist or lies outside <paramref name="scope"/>.</returns>
    public Task<Submission?> FindAsync(Guid id, CourseScope scope, CancellationToken cancellationToken) =>
        Visible(scope).Include(s => s.CurrentResult).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Every result revision of a submission, oldest first; null when it does not exist or lies outside the scope.</summary>
    public async Task<ResultHistory?> ResultHistoryAsync(Guid id, CourseScope scope, CancellationToken cancellationToken)
    {
        var submission = await Visible(scope).Where(s => s.Id == id).Select(s => new { s.CurrentResultId })
            .SingleOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return null;
        }

        var results = await db.Results.AsNoTracking().Where(r => r.SubmissionId == id).OrderBy(r => r.Revision)
            .ToListAsync(cancellationToken);
        return new ResultHistory(submission.CurrentResultId, results);
    }

    /// <summary>The submission stored for a delivery, with its current result; a webhook repeat answers with it.</summary>
    public Task<Submission?> FindDeliveryAsync(string source, string externalId, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().Include(s => s.CurrentResult)
            .FirstOrDefaultAsync(s => s.Source == source && s.ExternalId == externalId, cancellationToken);

    private IQueryable<Submission> Visible(CourseScope scope) => db.Submissions.AsNoTracking().Within(scope, s => s.Course);
}

/// <summary>A submission's result revisions, oldest first, and which one counts now.</summary>
public sealed record ResultHistory(Guid? CurrentResultId, IReadOnlyList<GradingResult> Results);
