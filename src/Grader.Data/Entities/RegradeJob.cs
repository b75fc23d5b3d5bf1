namespace Grader.Data.Entities;

/// <summary>A bulk regrade: which submissions (the filter), why, and how far it got. Counts grow as batches commit.</summary>
public sealed class RegradeJob
{
    public Guid Id { get; set; }
    public string? Course { get; set; }
    public string? Assignment { get; set; }
    public string? ProblemId { get; set; }
    public bool GradedWithVersionOtherThanCurrent { get; set; }
    public DateTimeOffset? SubmittedBefore { get; set; }
    public required string Reason { get; set; }
    public bool DryRun { get; set; }

    public RegradeJobState State { get; set; }

    public int Total { get; set; }
    public int Done { get; set; }
    public int Changed { get; set; }
    public int Failed { get; set; }
    public int BatchCount { get; set; }
    public int BatchesSettled { get; set; }
    public int BatchesFailed { get; set; }

    /// <summary>Problem id → version when the job was planned (jsonb).</summary>
    public required string PlannedVersions { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
