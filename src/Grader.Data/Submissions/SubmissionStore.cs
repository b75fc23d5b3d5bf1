using Grader.Data.Access;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Submissions;

/// <summary>What the API reads and writes of submissions: intake once per delivery, a submission, its result history.</summary>
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

    /// <summary>Stores a new submission once per (source, externalId); a repeat returns the submission stored first.</summary>
    public async Task<(Submission Submission, bool Created)> AcceptOnceAsync(Submission submission, CancellationToken cancellationToken)
    {
        if (await FindDeliveryAsync(submission.Source, submission.ExternalId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        db.Submissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (submission, true);
        }
        catch (DbUpdateException exception) when (TransientFailures.IsUniqueViolation(exception))
        {
            // A concurrent duplicate delivery won the insert: answer with its submission.
            db.ChangeTracker.Clear();
            var winner = await FindDeliveryAsync(submission.Source, submission.ExternalId, cancellationToken);
            return (winner ?? throw new InvalidOperationException("Unique violation but no stored submission."), false);
        }
    }

    private Task<Submission?> FindDeliveryAsync(string source, string externalId, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().Include(s => s.CurrentResult)
            .FirstOrDefaultAsync(s => s.Source == source && s.ExternalId == externalId, cancellationToken);

    private IQueryable<Submission> Visible(CourseScope scope) => db.Submissions.AsNoTracking().Within(scope, s => s.Course);
}

/// <summary>A submission's result revisions, oldest first, and which one counts now.</summary>
public sealed record ResultHistory(Guid? CurrentResultId, IReadOnlyList<GradingResult> Results);
