using Grader.Api.Queries;
using Grader.Data.Entities;
using Grader.Data.Regrades;

namespace Grader.Api.Regrades;

/// <summary>A job's changed and failed submissions, a page at a time (keyset on submission id), as the API shows them.</summary>
public sealed class RegradeChanges(RegradeJobs jobs)
{
    public async Task<RegradeChangesPage> PageAsync(Guid jobId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await jobs.ItemsAsync(jobId, RegradeOutcome.Changed, after, limit, cancellationToken);
        var items = rows.Select(r => new RegradeChangeView(r.Item.SubmissionId, r.StudentId, r.Item.OldScore, r.Item.NewScore,
            r.Item.MaxScore, r.Item.OldVersion, r.Item.NewVersion, PartFlip.FromJson(r.Item.Flips))).ToList();
        var (next, cursor) = Next(jobId, "changes", items.Count == limit ? items[^1].SubmissionId : null, limit);
        return new RegradeChangesPage(items, next, cursor);
    }

    /// <summary>
    /// Failed submissions, each with why, so staff can fix the cause (a problem file, a worker) and regrade just those.
    /// </summary>
    public async Task<RegradeFailuresPage> FailuresAsync(Guid jobId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await jobs.ItemsAsync(jobId, RegradeOutcome.Failed, after, limit, cancellationToken);
        var items = rows.Select(r => new RegradeFailureView(r.Item.SubmissionId, r.StudentId, r.ProblemId,
            r.Item.Error ?? "No reason was recorded.")).ToList();
        var (next, cursor) = Next(jobId, "failures", items.Count == limit ? items[^1].SubmissionId : null, limit);
        return new RegradeFailuresPage(items, next, cursor);
    }

    // The cursor of the paging convention, and the link of the next page that carries it.
    private static (string? Next, string? Cursor) Next(Guid jobId, string list, Guid? last, int limit)
    {
        if (last is null)
        {
            return (null, null);
        }

        var cursor = PageCursor.Seal(last.Value.ToString());
        return ($"/api/v1/regrades/{jobId}/{list}?cursor={Uri.EscapeDataString(cursor)}&limit={limit}", cursor);
    }

    public async Task<RegradeReport> ReportAsync(RegradeJob job, int pageSize, CancellationToken cancellationToken)
    {
        var page = await PageAsync(job.Id, null, pageSize, cancellationToken);
        return new RegradeReport(job.Done - job.Changed - job.Failed, job.Changed, job.Failed, page.Items, page.Next);
    }
}
