using Grader.Data;
using Microsoft.EntityFrameworkCore;

namespace Grader.Api.Regrades;

/// <summary>
/// Reads a job's failed submissions a page at a time (keyset on submission id), each with why it failed, so staff can fix
/// the cause (a problem file, a worker) and regrade just those.
/// </summary>
public sealed class RegradeFailures(GraderDbContext db)
{
    public async Task<RegradeFailuresPage> PageAsync(Guid jobId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var query = db.RegradeItems.AsNoTracking().Where(i => i.JobId == jobId && i.Outcome == "failed");
        if (after is { } last)
        {
            query = query.Where(i => i.SubmissionId.CompareTo(last) > 0);
        }

        var rows = await query.OrderBy(i => i.SubmissionId).Take(limit)
            .Join(db.Submissions, i => i.SubmissionId, s => s.Id, (i, s) => new { i.SubmissionId, s.StudentId, s.ProblemId, i.Error })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new RegradeFailureView(r.SubmissionId, r.StudentId, r.ProblemId, r.Error ?? "No reason was recorded."))
            .ToList();
        var next = items.Count == limit ? $"/api/v1/regrades/{jobId}/failures?after={items[^1].SubmissionId}&limit={limit}" : null;
        return new RegradeFailuresPage(items, next);
    }
}

/// <summary>A submission the job could not regrade; its previous grade stands.</summary>
public sealed record RegradeFailureView(Guid SubmissionId, string StudentId, string ProblemId, string Error);

public sealed record RegradeFailuresPage(IReadOnlyList<RegradeFailureView> Items, string? Next);
