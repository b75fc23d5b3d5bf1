using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Grader.IntegrationTests.Resilience;

/// <summary>
/// Issue 12: RabbitMQ stopped while webhooks keep arriving at a steady rate (open loop: an LMS does not wait for one
/// answer before the next student submits). Before the send had a
/// circuit breaker, every webhook in the outage started a send of its own and hundreds of them waiting on the
/// reconnecting transport delayed answers far past the send's 2 s bound (649 of 2,045 over 3 s, the longest 25.5 s).
/// Every webhook must answer 202 within about 3 s (docs/service.md), and every one is graded exactly once after the
/// broker is back (the sweeper sends what was stored but not sent). The bound here is 6 s because the suite runs on a
/// shared machine (at a load average of 15–50 the circuit's answers took at most 2.3–5.4 s); without the circuit the
/// same run had 588 of 805 webhooks over 4 s and 388 over 6 s, the longest 11 s.
/// </summary>
public sealed class BrokerStopUnderLoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20); // 50 webhooks/s

    [Fact]
    public async Task Webhooks_answer_within_the_bound_and_none_is_lost_when_the_broker_stops_mid_load()
    {
        await using var stack = await ServiceStack.StartAsync(ownServers: true);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1);
        var warm = (await Submissions.PostManyAsync(stack, 1)).Single();
        await stack.WaitForStatusAsync(warm, "graded", TimeSpan.FromSeconds(60));

        var timed = new ConcurrentBag<(Guid Id, TimeSpan Took, DateTime At)>();
        using var stop = new CancellationTokenSource();
        var load = PostUntilAsync(stack, timed, stop.Token);
        var started = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var broken = DateTime.UtcNow;
        try
        {
            await Broker.StopAsync(stack);
            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            await Broker.StartAsync(stack);
        }

        var mended = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await load;

        var during = timed.Where(t => t.At >= broken && t.At <= mended).ToList();
        // Each as "took s @ sent s" (when it was sent, counted from the broker's stop).
        var slowest = timed.OrderByDescending(t => t.Took).Take(8)
            .Select(t => $"{t.Took.TotalSeconds:0.00} @ {(t.At - t.Took - broken).TotalSeconds:0.0}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{timed.Count} webhooks in {(DateTime.UtcNow - started).TotalSeconds:0} s, {during.Count} answered during the outage; slowest {string.Join(", ", slowest)} s"));
        Assert.True(during.Count >= 100, $"only {during.Count} webhooks were answered during the outage");
        Assert.All(timed, t => Assert.True(t.Took < Bound, string.Create(CultureInfo.InvariantCulture, $"a webhook took {t.Took.TotalSeconds:0.0} s")));

        var ids = timed.Select(t => t.Id).ToList();
        await Eventually.HoldsAsync(
            async () => await stack.ScalarAsync("select count(*) from submissions where status <> 'graded'") == 0,
            TimeSpan.FromSeconds(240), "every submission to be graded");
        Assert.Equal(ids.Count + 1, await stack.ScalarAsync("select count(*) from submissions"));
        Assert.Equal(ids.Count + 1, await stack.ScalarAsync("select count(distinct submission_id) from results"));
        Assert.Equal(ids.Count + 1, await stack.ScalarAsync("select count(*) from results"));
    }

    private static async Task PostUntilAsync(
        ServiceStack stack, ConcurrentBag<(Guid Id, TimeSpan Took, DateTime At)> timed, CancellationToken stop)
    {
        var posts = new List<Task>();
        using var ticks = new PeriodicTimer(Interval);
        while (await ticks.WaitForNextTickAsync(CancellationToken.None) && !stop.IsCancellationRequested)
        {
            posts.Add(PostTimedAsync(stack, timed));
        }

        await Task.WhenAll(posts);
    }

    private static async Task PostTimedAsync(ServiceStack stack, ConcurrentBag<(Guid Id, TimeSpan Took, DateTime At)> timed)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
        var took = stopwatch.Elapsed;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        timed.Add(((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id, took, DateTime.UtcNow));
    }
}
