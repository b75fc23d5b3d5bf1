namespace Grader.Data.Entities;

/// <summary>One submission of a <see cref="RegradeJob"/>: its batch, and once regraded the old and new grade.</summary>
public sealed class RegradeItem
{
    public Guid JobId { get; set; }
    public Guid SubmissionId { get; set; }
    public int BatchNumber { get; set; }

    /// <summary>Null until its batch commits.</summary>
    public RegradeOutcome? Outcome { get; set; }

    public double? OldScore { get; set; }
    public double? NewScore { get; set; }
    public double? MaxScore { get; set; }
    public string? OldVersion { get; set; }
    public string? NewVersion { get; set; }

    /// <summary>Parts whose status or score differ, as a jsonb array of <see cref="PartFlip"/>.</summary>
    public string? Flips { get; set; }

    public string? Error { get; set; }
}
