using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Grader.ServiceDefaults.Telemetry;

/// <summary>
/// Grader's own instruments (meter <c>Grader</c>): how long grading a submission takes, and how many messages wait in the
/// broker's queues. Exported with the rest of the metrics when an OTLP endpoint is configured.
/// </summary>
public sealed class GraderMetrics
{
    public const string MeterName = "Grader";
    public const string GradeDurationName = "grader.grade.duration";
    public const string QueueDepthName = "grader.queue.depth";

    // Grading is milliseconds; a database wait or a regrade lock can take seconds.
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> _gradeDuration;
    private readonly ConcurrentDictionary<string, long> _queueDepth = new();

    public GraderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _gradeDuration = meter.CreateHistogram(GradeDurationName, unit: "s",
            description: "Time to grade one submission message: claim, grade, commit (tag outcome: graded, not-graded, error)",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        meter.CreateObservableGauge(QueueDepthName, ObserveQueueDepth, unit: "{message}",
            description: "Messages ready in a RabbitMQ queue at the last sample (tag queue)");
    }

    public void RecordGrade(TimeSpan elapsed, string outcome) =>
        _gradeDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void SetQueueDepth(string queue, long messages) => _queueDepth[queue] = messages;

    private IEnumerable<Measurement<long>> ObserveQueueDepth() =>
        _queueDepth.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)));
}
