using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>The <c>Worker</c> section: how many grades run at once, how transient failures are retried, when to give up.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Grades at once when grading one delivery at a time (<see cref="BatchMessageLimit"/> 1).</summary>
    public int ConcurrentMessageLimit { get; set; } = 4;
    public int PrefetchCount { get; set; } = 16;

    /// <summary>
    /// Deliveries graded together, and submissions in one claim and one commit (a batch of multi-id
    /// <c>GradeSubmissions</c> is claimed and committed in chunks of this many ids); 1 grades each delivery on its own.
    /// </summary>
    /// <remarks>64, not 32: draining a full queue, PostgreSQL spent 0.39-0.41 ms a grade in batches of 62-64 against
    /// 0.51-0.59 ms in batches of 32 (docs/benchmarks.md, "A warmed worker"); a lone delivery waits the same
    /// <see cref="BatchTimeLimit"/> either way.</remarks>
    public int BatchMessageLimit { get; set; } = 64;

    /// <summary>How long a batch waits for its next delivery (see <see cref="BatchTimeLimitStart"/>) before it is graded as it is.</summary>
    /// <remarks>
    /// 20 ms from the latest delivery, not 50 ms from the first: a lone submission on an idle service waited the whole
    /// 50 ms (received to graded p50 56.5 ms; 27.0 ms now), while a full queue still fills every batch to 64 (PostgreSQL
    /// 0.51-0.52 ms a grade), because the prefetch keeps the next batch's deliveries in the client
    /// (<see cref="BatchPrefetch"/>). Not 5 ms (lone p50 12.9 ms): when the worker keeps up with the intake, deliveries
    /// come more than 5 ms apart often enough that batches fell to a mean of 11-13 (47.6 at 20 ms, 55.6 at 50 ms from the
    /// first), and PostgreSQL's share a grade rose with it (docs/benchmarks.md, "Batch settings").
    /// </remarks>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Where <see cref="BatchTimeLimit"/> counts from: the batch's latest delivery (a batch closes when its
    /// deliveries stop coming), or its first (a batch closes that long after it opened, however busy the queue is).</summary>
    public BatchTimeLimitStart BatchTimeLimitStart { get; set; } = BatchTimeLimitStart.FromLast;

    /// <summary>Batches graded at once.</summary>
    public int BatchConcurrencyLimit { get; set; } = 2;

    /// <summary>
    /// The batched queue's prefetch: the deliveries in flight (every concurrent batch full) and two batches more, or
    /// <see cref="PrefetchCount"/> if that is larger.
    /// </summary>
    /// <remarks>
    /// With no more than those in flight, a batch that committed had to wait for the broker to send the next deliveries
    /// after its acknowledgements, and under load their arrival had gaps: batches from a full queue split to a mean of
    /// 25-35 with a 5 ms limit from the latest delivery; with two batches more held in the client, 60-64.
    /// </remarks>
    public int BatchPrefetch => Math.Max(PrefetchCount, BatchMessageLimit * (BatchConcurrencyLimit + 2));

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
