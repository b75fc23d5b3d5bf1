using Grader.Data.Entities;
using Grader.Data.Regrades;

namespace Grader.Api.Regrades;

/// <summary>A job's changed and failed submissions, a page at a time (keyset on submission id), as the API shows them.</summary>
public sealed class RegradeChanges(RegradeJobs jobs)
{
    public const int MaxPageSize = 1000;

    public async Task<RegradeChangesPage> PageAsync(Guid jobId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await jobs.ItemsAsync(jobId, RegradeOutcome.Changed, after, limit, cancellationToken);
        var items = rows.Select(r => new RegradeChangeView(r.Item.SubmissionId, r.StudentId, r.Item.OldScore, r.Item.NewScore,
            r.Item.MaxScore, r.Item.OldVersion, r.Item.NewVersion, PartFlip.FromJson(r.Item.Flips))).ToList();
        var next = items.Count == limit ? $"/api/v1/regrades/{jobId}/changes?after={items[^1].SubmissionId}&limit={limit}" : null;
        return new RegradeChangesPage(items, next);
    }

    /// <summary>
    /// Failed submissions, each with why, so staff can fix the cause (a problem file, a worker) and regrade just those.
    /// </summary>
    public async Task<RegradeFailuresPage> FailuresAsync(Guid jobId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await jobs.ItemsAsync(jobId, RegradeOutcome.Failed, after, limit, cancellationToken);
        var items = rows.Select(r => new RegradeFailureView(r.Item.SubmissionId, r.StudentId, r.ProblemId,
            r.Item.Error ?? "No reason was recorded.")).ToList();
        var next = items.Count == limit ? $"/api/v1/regrades/{jobId}/failures?after={items[^1].SubmissionId}&limit={limit}" : null;
        return new RegradeFailuresPage(items, next);
    }

    public async Task<RegradeReport> ReportAsync(RegradeJob job, int pageSize, CancellationToken cancellationToken)
    {
        var page = await PageAsync(job.Id, null, pageSize, cancellationToken);
        return new RegradeReport(job.Done - job.Changed - job.Failed, job.Changed, job.Failed, page.Items, page.Next);
    }
}
