namespace Grader.Data.Entities;

/// <summary>One LMS delivery of a student's answers to one problem, as received and as it is being graded.</summary>
public sealed class Submission
{
    public Guid Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string Course { get; set; }
    public required string Assignment { get; set; }
    public required string ProblemId { get; set; }
    public required string StudentId { get; set; }

    /// <summary>The answers object exactly as the LMS sent it (jsonb).</summary>
    public required string Answers { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The LTI AGS line item URL the webhook body named (null: none; the assignment's mapped one may apply).</summary>
    public string? LtiLineItem { get; set; }

    /// <summary>The student's LTI user id on the platform (null: the studentId is used).</summary>
    public string? LtiUserId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public SubmissionStatus Status { get; set; }

    /// <summary>When a <c>GradeSubmission</c> was last sent; the sweeper re-sends old ones still queued.</summary>
    public DateTimeOffset EnqueuedAt { get; set; }

    public DateTimeOffset? GradingStartedAt { get; set; }
    public DateTimeOffset? GradedAt { get; set; }

    /// <summary>How many times a worker began grading it (more than one means a redelivery or a retry).</summary>
    public int Attempts { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The result that counts now; older revisions stay in <see cref="Results"/>.</summary>
    public Guid? CurrentResultId { get; set; }
    public GradingResult? CurrentResult { get; set; }

    public List<GradingResult> Results { get; set; } = [];
}
