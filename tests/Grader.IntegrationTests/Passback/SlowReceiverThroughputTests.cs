using System.Globalization;
using Grader.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Grader.IntegrationTests.Passback;

/// <summary>
/// Grading throughput with a slow LMS receiver (200 ms per event) against none, and how fast events then drain. The
/// figures in docs/benchmarks.md come from this test run with <c>GRADER_PASSBACK_BENCH_COUNT=1000</c>; the suite runs 300.
/// </summary>
public sealed class SlowReceiverThroughputTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReceiverDelay = TimeSpan.FromMilliseconds(200);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("GRADER_PASSBACK_BENCH_COUNT"), NumberStyles.Integer,
        CultureInfo.InvariantCulture, out var count) ? count : 300;

    [Fact]
    public async Task Receiver_taking_200_ms_per_event_does_not_slow_grading()
    {
        var without = await GradeAsync(null);
        await using var receiver = new GradeReceiver(ServiceStack.Secret) { Delay = ReceiverDelay }.Start();
        var with = await GradeAsync(receiver);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count} submissions; graded/s without a receiver {without.GradedPerSecond:F1}, with a 200 ms receiver {with.GradedPerSecond:F1} "
            + $"({with.GradedPerSecond / without.GradedPerSecond:P0}); events delivered/s {with.DeliveredPerSecond:F1}, "
            + $"event lag (grade to delivered) median {with.MedianLag:F1} s, max {with.MaxLag:F1} s; a backlog of {Count} drained at "
            + $"{with.DrainedPerSecond:F1} events/s"));
        // Sending inside grading would cap it near concurrency / 0.2 s (20/s with 4 consumers); a share of the cores for
        // the dispatcher is the only expected cost.
        Assert.True(with.GradedPerSecond >= 0.6 * without.GradedPerSecond,
            $"graded/s {with.GradedPerSecond:F1} with the slow receiver vs {without.GradedPerSecond:F1} without");
        Assert.Equal(Count, receiver.Accepted.Select(e => e.Id).Distinct().Count());
        // 16 sends at once, 200 ms each: far above one at a time (5/s), which a serial dispatcher would be held to.
        Assert.True(with.DrainedPerSecond > 10, $"a backlog drained at {with.DrainedPerSecond:F1} events/s");
    }

    private async Task<Run> GradeAsync(GradeReceiver? receiver)
    {
        await using var stack = await ServiceStack.StartAsync();
        // The product's delivery defaults (poll 1 s, 16 at once, 10 s timeout): only where the events go is set.
        stack.StartWorker(receiver is null
            ? null
            : new Dictionary<string, string>
            {
                [$"Webhooks__Sources__{ServiceStack.Source}__Secret"] = ServiceStack.Secret,
                [$"Webhooks__Sources__{ServiceStack.Source}__CallbackUrl"] = receiver.Url,
            });
        await stack.WaitForConsumersAsync(1);

        await Resilience.Submissions.PostManyAsync(stack, Count);
        await Eventually.HoldsAsync(async () => await stack.ScalarAsync("select count(*) from submissions where status = 'graded'") == Count,
            Timeout, $"{Count} grades");
        // As bench/load.sh counts it: the first receipt to the last grade.
        var graded = Count / await SecondsAsync(stack, "select extract(epoch from (select max(graded_at) from results) - min(received_at)) from submissions");
        if (receiver is null)
        {
            Assert.Equal(0, await stack.ScalarAsync("select count(*) from grade_events"));
            return new Run(graded, 0, 0, 0, 0);
        }

        await Eventually.HoldsAsync(async () => await stack.ScalarAsync("select count(*) from grade_events where state = 'delivered'") == Count,
            Timeout, $"{Count} events delivered");
        var delivered = Count / await SecondsAsync(stack, "select extract(epoch from max(delivered_at) - min(occurred_at)) from grade_events");
        var median = await SecondsAsync(stack,
            "select percentile_cont(0.5) within group (order by extract(epoch from delivered_at - occurred_at)) from grade_events");
        var max = await SecondsAsync(stack, "select max(extract(epoch from delivered_at - occurred_at)) from grade_events");

        // The dispatcher's own pace: every event made due again at once (as an admin's redeliver does), a backlog drained.
        await stack.ScalarAsync(
            "update grade_events set state = 'pending', next_attempt_at = now(), retry_from = now(), delivered_at = null returning 1");
        await Eventually.HoldsAsync(async () => await stack.ScalarAsync("select count(*) from grade_events where state = 'delivered'") == Count,
            Timeout, $"{Count} events delivered again");
        var drained = Count / await SecondsAsync(stack, "select extract(epoch from max(delivered_at) - min(retry_from)) from grade_events");
        return new Run(graded, delivered, median, max, drained);
    }

    private static async Task<double> SecondsAsync(ServiceStack stack, string sql)
    {
        await using var command = stack.Db.CreateCommand(sql);
        return Convert.ToDouble(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed record Run(double GradedPerSecond, double DeliveredPerSecond, double MedianLag, double MaxLag, double DrainedPerSecond);
}
