using System.Diagnostics.Metrics;
using Grader.Contracts;
using Grader.ServiceDefaults.Telemetry;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Grader.Worker.Tests.Telemetry;

public sealed class GradeMetricsTests : IAsyncLifetime
{
    private readonly WorkerTestDatabase _database = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;
    private MetricCollector<double> _gradeDurations = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = GradingHarness.Build(_database);
        // Scoped to this harness's meter factory: other test classes grade in parallel in this process, each with its
        // own "Grader" meter, and a listener on the meter's name alone would see their grades as well as this one.
        _gradeDurations = new MetricCollector<double>(
            _services.GetRequiredService<IMeterFactory>(), GraderMetrics.MeterName, GraderMetrics.GradeDurationName);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        _gradeDurations.Dispose();
        await _services.DisposeAsync();
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

        Assert.Equal("s", _gradeDurations.Instrument!.Unit);
        var graded = Assert.Single(_gradeDurations.GetMeasurementSnapshot(),
            m => Equals(m.Tags.GetValueOrDefault("outcome"), "graded"));
        Assert.True(graded.Value > 0, $"a grade's duration is positive, was {graded.Value} s");
    }
}
