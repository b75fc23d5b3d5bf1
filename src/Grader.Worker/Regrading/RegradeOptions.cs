namespace Grader.Worker.Regrading;

/// <summary>The <c>Regrade</c> section of the worker: how many batches run at once, when a lost batch is re-sent, when to give up on one.</summary>
public sealed class RegradeOptions
{
    public const string Section = "Regrade";

    /// <summary>Batches in flight per process; two keep both cores busy while one batch waits on PostgreSQL.</summary>
    public int ConcurrentMessageLimit { get; set; } = 2;

    public int PrefetchCount { get; set; } = 4;

    /// <summary>A batch of a running job still pending this long after it was sent is sent again (the message was lost).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int SweepBatchSize { get; set; } = 500;

    /// <summary>
    /// How many times a worker may start one batch. Past this the batch is failed: a batch that kills its worker process
    /// would otherwise be redelivered, and kill the next worker, forever.
    /// </summary>
    public int MaxBatchAttempts { get; set; } = 5;
}
