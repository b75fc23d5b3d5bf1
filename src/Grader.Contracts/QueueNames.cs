namespace Grader.Contracts;

/// <summary>Queue names shared by senders and consumers, so a command is always sent to a declared queue.</summary>
public static class QueueNames
{
    public const string GradeSubmission = "grade-submission";

    /// <summary>MassTransit address of the worker queue; sending to it declares the queue if no worker did yet.</summary>
    public static readonly Uri GradeSubmissionAddress = new($"queue:{GradeSubmission}");

    /// <summary>A queue of its own, so a large regrade does not sit in front of new submissions.</summary>
    public const string RegradeBatch = "regrade-batch";

    public static readonly Uri RegradeBatchAddress = new($"queue:{RegradeBatch}");
}
