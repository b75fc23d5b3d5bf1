namespace Grader.Worker.Grading;

/// <summary>The <c>Worker</c> section: how many grades run at once and how transient failures are retried.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    public int ConcurrentMessageLimit { get; set; } = 4;
    public int PrefetchCount { get; set; } = 16;
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
}
