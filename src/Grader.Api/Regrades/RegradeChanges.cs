using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Api.Regrades;

/// <summary>Reads a job's changed submissions a page at a time (keyset on submission id) for reports.</summary>
public sealed class RegradeChanges(GraderDbContext db)
{
    public const int MaxPageSize = 1000;

    public async Task<RegradeChangesPage> PageAsync(Guid jobId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var query = db.RegradeItems.AsNoTracking().Where(i => i.JobId == jobId && i.Outcome == "changed");
        if (after is { } last)
        {
            query = query.Where(i => i.SubmissionId.CompareTo(last) > 0);
        }

        var rows = await query.OrderBy(i => i.SubmissionId).Take(limit)
            .Join(db.Submissions, i => i.SubmissionId, s => s.Id, (i, s) => new { Item = i, s.StudentId })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new RegradeChangeView(r.Item.SubmissionId, r.StudentId, r.Item.OldScore, r.Item.NewScore,
            r.Item.MaxScore, r.Item.OldVersion, r.Item.NewVersion, PartFlip.FromJson(r.Item.Flips))).ToList();
        var next = items.Count == limit ? $"/api/v1/regrades/{jobId}/changes?after={items[^1].SubmissionId}&limit={limit}" : null;
        return new RegradeChangesPage(items, next);
    }

    public async Task<RegradeReport> ReportAsync(RegradeJob job, int pageSize, CancellationToken cancellationToken)
    {
        var page = await PageAsync(job.Id, null, pageSize, cancellationToken);
        return new RegradeReport(job.Done - job.Changed - job.Failed, job.Changed, job.Failed, page.Items, page.Next);
    }
}
