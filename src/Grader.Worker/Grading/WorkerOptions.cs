namespace Grader.Worker.Grading;

/// <summary>The <c>Worker</c> section: how many grades run at once, how transient failures are retried, when to give up.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    public int ConcurrentMessageLimit { get; set; } = 4;
    public int PrefetchCount { get; set; } = 16;
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times grading of one submission may start. A submission that kills its worker (the process dies, so no
    /// fault is recorded) would otherwise be redelivered, and kill the next worker, forever; past this it is failed.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;
}
