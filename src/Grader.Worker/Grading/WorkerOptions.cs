namespace Grader.Worker.Grading;

/// <summary>The <c>Worker</c> section: how many grades run at once, how transient failures are retried, when to give up.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Grades at once when grading one delivery at a time (<see cref="BatchMessageLimit"/> 1).</summary>
    public int ConcurrentMessageLimit { get; set; } = 4;
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Deliveries graded together in one claim and one commit; 1 grades each delivery on its own.</summary>
    /// <remarks>64, not 32: draining a full queue, PostgreSQL spent 0.39-0.41 ms a grade in batches of 62-64 against
    /// 0.51-0.59 ms in batches of 32 (docs/benchmarks.md, "A warmed worker"); a lone delivery waits the same
    /// <see cref="BatchTimeLimit"/> either way.</remarks>
    public int BatchMessageLimit { get; set; } = 64;

    /// <summary>How long a batch waits to fill from its first delivery before it is graded as it is.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Batches graded at once.</summary>
    public int BatchConcurrencyLimit { get; set; } = 2;

    /// <summary>Whether <see cref="BatchMessageLimit"/> asks for batches (read before the bus is built, hence static).</summary>
    public static bool Batched(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:{nameof(BatchMessageLimit)}", new WorkerOptions().BatchMessageLimit) > 1;
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times grading of one submission may start. A submission that kills its worker (the process dies, so no
    /// fault is recorded) would otherwise be redelivered, and kill the next worker, forever; past this it is failed.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;
}
