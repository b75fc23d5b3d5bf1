using Grader.Contracts;
using Grader.ServiceDefaults.Telemetry;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Grader.Worker.Tests.Telemetry;

public sealed class GradeMetricsTests : IAsyncLifetime
{
    private readonly WorkerTestDatabase _database = new();
    private readonly List<Metric> _exported = [];
    private MeterProvider _meters = null!;
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(GraderMetrics.MeterName).AddInMemoryExporter(_exported).Build();
        _services = GradingHarness.Build(_database);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        _meters.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_grade_records_its_duration_in_the_grade_latency_histogram()
    {
        var id = await GradingHarness.StoreSubmissionAsync(_services);

        await _harness.Bus.Publish(new GradeSubmission(id));
        // Polled, not the harness's inactivity wait: a busy machine may take longer than that to grade.
        for (var waited = 0; waited < 300 && !_harness.Published.Select<SubmissionGraded>().Any(); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Null(_harness.Consumed.Select<GradeSubmission>().Select(c => c.Exception).FirstOrDefault());
        Assert.Contains(_harness.Published.Select<SubmissionGraded>(), m => m.Context.Message.SubmissionId == id);
        _meters.ForceFlush();

        var metric = Assert.Single(_exported, m => m.Name == GraderMetrics.GradeDurationName);
        Assert.Equal("s", metric.Unit);
        var graded = PointsOf(metric).Where(p => Outcome(p) == "graded").ToList();
        Assert.NotEmpty(graded);
        Assert.True(graded.Sum(p => p.GetHistogramCount()) >= 1);
        Assert.True(graded.Sum(p => p.GetHistogramSum()) > 0);
    }

    private static IEnumerable<MetricPoint> PointsOf(Metric metric)
    {
        foreach (var point in metric.GetMetricPoints())
        {
            yield return point;
        }
    }

    private static string? Outcome(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "outcome")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
