namespace Grader.Data.Entities;

/// <summary>A committed grade of a submission against one problem version; revision 1 is the first grade.</summary>
public sealed class GradingResult
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }

    /// <summary>Unique per submission, so grading twice cannot leave two first grades.</summary>
    public int Revision { get; set; }

    public required string ProblemVersion { get; set; }

    /// <summary>The variant of a randomized problem graded against ("seed 123"); null for a problem without parameters.</summary>
    public string? Variant { get; set; }
    public double Score { get; set; }
    public double MaxScore { get; set; }

    /// <summary>Per-part results as a jsonb array: partId, status, score, maxScore, feedback.</summary>
    public required string Parts { get; set; }

    public DateTimeOffset GradedAt { get; set; }
    public double DurationMs { get; set; }

    /// <summary>Which worker process committed it (machine and process id), for operations.</summary>
    public required string GradedBy { get; set; }

    /// <summary>The regrade job that wrote this revision; null for the first grade.</summary>
    public Guid? RegradeJobId { get; set; }
}
