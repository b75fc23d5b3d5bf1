using System.Diagnostics.Metrics;
using Grader.Contracts;
using Grader.ServiceDefaults.Telemetry;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Grader.Worker.Tests.Telemetry;

public sealed class GradeMetricsTests : HarnessTestBase
{
    [Fact]
    public async Task A_grade_records_its_duration_in_the_grade_latency_histogram()
    {
        // Scoped to this harness's meter factory: other test classes grade in parallel in this process, each with its
        // own "Grader" meter, and a listener on the meter's name alone would see their grades as well as this one.
        using var gradeDurations = new MetricCollector<double>(
            Services.GetRequiredService<IMeterFactory>(), GraderMetrics.MeterName, GraderMetrics.GradeDurationName);
        var id = await GradingHarness.StoreSubmissionAsync(Services);

        await Harness.Bus.Publish(new GradeSubmission(id));
        // Polled, not the harness's inactivity wait: a busy machine may take longer than that to grade.
        for (var waited = 0; waited < 300 && !Harness.Published.Select<SubmissionGraded>().Any(); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Null(Harness.Consumed.Select<GradeSubmission>().Select(c => c.Exception).FirstOrDefault());
        Assert.Contains(Harness.Published.Select<SubmissionGraded>(), m => m.Context.Message.SubmissionId == id);

        Assert.Equal("s", gradeDurations.Instrument!.Unit);
        var graded = Assert.Single(gradeDurations.GetMeasurementSnapshot(),
            m => Equals(m.Tags.GetValueOrDefault("outcome"), "graded"));
        Assert.True(graded.Value > 0, $"a grade's duration is positive, was {graded.Value} s");
    }
}
