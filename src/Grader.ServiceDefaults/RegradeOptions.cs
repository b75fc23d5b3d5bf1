using Grader.ServiceDefaults.Settings;

namespace Grader.ServiceDefaults;

/// <summary>
/// The <c>Regrade</c> section, one class for the API (how a job is cut and reported) and the worker (how batches run,
/// when a lost one is sent again, when to give up on one).
/// </summary>
public sealed class RegradeOptions
{
    public const string Section = "Regrade";

    /// <summary>API: submissions per <c>RegradeBatch</c> message, one transaction and one COPY each.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// API: how long a request waits for the broker to take a new job's batches. Past it (broker down) the job is still
    /// accepted; its batches stay pending and the workers' sweeper sends them once the broker is back.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>API: changes shown per page of a report (the job view shows the first page of a dry run).</summary>
    public int ChangesPageSize { get; set; } = 100;

    /// <summary>Worker: batches in flight per process; two keep both cores busy while one batch waits on PostgreSQL.</summary>
    public int ConcurrentMessageLimit { get; set; } = 2;

    /// <summary>Worker: batches RabbitMQ hands a process ahead.</summary>
    public int PrefetchCount { get; set; } = 4;

    /// <summary>Worker: a batch of a running job still pending this long after it was sent is sent again (the message was lost).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Worker: how often the regrade sweeper looks for such batches, and how many it sends at most per pass.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int SweepBatchSize { get; set; } = 500;

    /// <summary>
    /// Worker: how many times a worker may start one batch. Past this the batch is failed: a batch that kills its worker
    /// process would otherwise be redelivered, and kill the next worker, forever.
    /// </summary>
    public int MaxBatchAttempts { get; set; } = 5;

    /// <summary>Every count and time here must be positive: a zero batch, page, limit or interval fails only when used.</summary>
    public static void Rules(RegradeOptions o, SettingsCheck check) => check
        .Positive($"{Section}:{nameof(BatchSize)}", o.BatchSize)
        .Positive($"{Section}:{nameof(SendTimeout)}", o.SendTimeout)
        .Positive($"{Section}:{nameof(ChangesPageSize)}", o.ChangesPageSize)
        .Positive($"{Section}:{nameof(ConcurrentMessageLimit)}", o.ConcurrentMessageLimit)
        .Positive($"{Section}:{nameof(PrefetchCount)}", o.PrefetchCount)
        .Positive($"{Section}:{nameof(ResendAfter)}", o.ResendAfter)
        .Positive($"{Section}:{nameof(SweepInterval)}", o.SweepInterval)
        .Positive($"{Section}:{nameof(SweepBatchSize)}", o.SweepBatchSize)
        .Positive($"{Section}:{nameof(MaxBatchAttempts)}", o.MaxBatchAttempts);
}
