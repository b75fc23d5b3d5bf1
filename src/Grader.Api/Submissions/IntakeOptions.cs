namespace Grader.Api.Submissions;

/// <summary>The <c>Intake</c> section: how webhooks that arrive together are stored together (<see cref="IntakeBatcher"/>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Most deliveries in one insert (14 array parameters of this length; one commit for all), and so most ids
    /// in the one grading message a commit sends (which is also split at <c>GradeSubmissions.MaxSubmissionIds</c>).</summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>Deliveries waiting for the next insert; past it a webhook waits for room (memory stays bounded under a burst).</summary>
    public int QueueCapacity { get; set; } = 4096;
}
