namespace Grader.Worker.Grading;

/// <summary>
/// Whether one broker delivery has counted its attempt yet. Kept on the delivery's ReceiveContext, which its in-process
/// retries share: the retry attempt number alone cannot tell, because a first try that failed before its claim
/// committed counted nothing, and its retry (attempt 1) must count instead — else the delivery grades with attempts 0
/// and Worker:MaxAttempts can be bypassed.
/// </summary>
public sealed class DeliveryAttempt
{
    public bool Counted { get; set; }
}
