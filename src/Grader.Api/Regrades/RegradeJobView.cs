using Grader.Data.Entities;

namespace Grader.Api.Regrades;

/// <summary>What <c>GET /api/v1/regrades/{id}</c> shows: the filter, the reason, progress and, for a dry run, the report.</summary>
public sealed record RegradeJobView(
    Guid Id,
    string State,
    string? Course,
    string? Assignment,
    string? ProblemId,
    bool GradedWithVersionOtherThanCurrent,
    DateTimeOffset? SubmittedBefore,
    string Reason,
    bool DryRun,
    int Total,
    int Done,
    int Changed,
    int Failed,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RegradeReport? Report)
{
    public static RegradeJobView From(RegradeJob job, RegradeReport? report = null) => new(
        job.Id, job.State.Name(), job.Course, job.Assignment, job.ProblemId, job.GradedWithVersionOtherThanCurrent, job.SubmittedBefore,
        job.Reason, job.DryRun, job.Total, job.Done, job.Changed, job.Failed, job.CreatedAt, job.FinishedAt, report);
}

/// <summary>A dry run's answer to "what would change": counts so far and the first page of changed submissions.</summary>
public sealed record RegradeReport(int Unchanged, int Changed, int Failed, IReadOnlyList<RegradeChangeView> Changes, string? NextChanges);

/// <summary>One submission whose score a regrade changes (or would), with the parts that flip.</summary>
public sealed record RegradeChangeView(
    Guid SubmissionId,
    string StudentId,
    double? OldScore,
    double? NewScore,
    double? MaxScore,
    string? OldVersion,
    string? NewVersion,
    IReadOnlyList<PartFlip> Flips);

/// <summary>
/// A page of <see cref="RegradeChangeView"/>, ordered by submission id; <c>Next</c> (the next page's link) and
/// <c>NextCursor</c> are null on the last page.
/// </summary>
public sealed record RegradeChangesPage(IReadOnlyList<RegradeChangeView> Items, string? Next, string? NextCursor);
