using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Passback;

/// <summary>
/// Deliveries that do not finish: the worker SIGKILLed while its sends are in flight, and a receiver that never answers.
/// Events are sent again (same id) until answered; nothing else waits on them.
/// </summary>
public sealed class StuckDeliveryTests
{
    private const string OtherSource = "other-lms";
    private const string OtherSecret = "other-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Worker_killed_mid_delivery_sends_every_event_again_after_restart_and_the_receiver_applies_each_once()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        // The receiver takes each event in and never answers: the worker dies with all of them sent but not acknowledged.
        receiver.Hang();
        await using var stack = await ServiceStack.StartAsync();
        var settings = PassbackSettings.Worker(receiver);
        // The lease is 2 × 8 + 5 = 21 s: the kill comes long before this worker would give a send up.
        settings["Webhooks__Delivery__Timeout"] = "00:00:08";
        var first = stack.StartWorker(settings);
        await stack.WaitForConsumersAsync(1);

        var ids = await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 10, SeedAnswers.Partial, Timeout);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Select(e => e.SubmissionId).Distinct().Count() == 10),
            Timeout, "every event in flight");
        first.Kill();
        receiver.Release();
        Assert.Empty(receiver.Accepted);
        Assert.Equal(10, await stack.ScalarAsync("select count(*) from grade_events where state = 'pending'"));

        stack.StartWorker(settings);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count >= 10), Timeout, "every event after the restart");
        await Task.Delay(TimeSpan.FromSeconds(1));

        // On the wire: at least once (each was sent before the kill and again after). Per submission: one event id, so a
        // receiver that skips ids it has applied applies each grade exactly once.
        var received = receiver.Received;
        Assert.True(received.Count >= 20, $"{received.Count} requests: the kill should have cost every event a second send");
        Assert.All(received.GroupBy(e => e.SubmissionId), sends => Assert.Single(sends.Select(e => e.Id).Distinct()));
        Assert.Equal(ids.Order(), received.Select(e => e.SubmissionId).Distinct().Order());
        Assert.Equal(10, receiver.Accepted.Select(e => e.Id).Distinct().Count());
        Assert.Equal(10, await stack.ScalarAsync("select count(*) from grade_events where state = 'delivered' and attempts >= 2"));
        Assert.Equal(10, await stack.ScalarAsync("select count(*) from grade_events"));
    }

    [Fact]
    public async Task Receiver_that_hangs_costs_its_events_the_timeout_and_delays_neither_grading_nor_another_sources_events()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        receiver.Hang();
        await using var other = new GradeReceiver(OtherSecret).Start();
        await using var stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string>
        {
            [$"Webhooks:Sources:{OtherSource}:Secret"] = OtherSecret,
        });
        var settings = PassbackSettings.Worker((ServiceStack.Source, ServiceStack.Secret, receiver.Url), (OtherSource, OtherSecret, other.Url));
        settings["Webhooks__Delivery__Timeout"] = "00:00:06";
        stack.StartWorker(settings);
        await stack.WaitForConsumersAsync(1);

        var hung = await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 8, SeedAnswers.Partial, Timeout);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Select(e => e.SubmissionId).Distinct().Count() == 8),
            Timeout, "test-lms's events held by its receiver");

        // While test-lms's sends hang: another source's grade arrives sooner than the timeout, and grading goes on.
        var started = DateTimeOffset.UtcNow;
        var otherWebhook = new WebhookClient(stack.CreateClient(null), OtherSource, OtherSecret);
        var otherId = (await PassbackSettings.PostAndGradeAsync(stack, otherWebhook, 1, SeedAnswers.Partial, Timeout))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(other.Accepted.Count == 1), TimeSpan.FromSeconds(6), "the other source's event");
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(6), "the other source waited for the hanging receiver");
        Assert.Equal(otherId, other.Accepted[0].SubmissionId);
        var more = await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 8, SeedAnswers.Partial, Timeout);
        Assert.Empty(receiver.Accepted);

        // Each hanging send is given up at the timeout and retried later, recorded as such.
        await Eventually.HoldsAsync(async () => await stack.ScalarAsync(
                "select count(*) from grade_events where source = 'test-lms' and last_error = 'no answer within 6 s'") >= 8,
            TimeSpan.FromSeconds(30), "the first hanging sends to time out");
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from grade_events where state <> 'pending' and source = 'test-lms'"));

        // Released while a retry is held: that send must not count as delivered, since the receiver never accepted it.
        var arrived = receiver.Received.Count;
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count > arrived), Timeout, "a retry held at the release");
        receiver.Release();
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count >= 16), Timeout, "test-lms's events once it answers");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(hung.Concat(more).Order(), receiver.Accepted.Select(e => e.SubmissionId).Order());
        Assert.Equal(16, receiver.Accepted.Select(e => e.Id).Distinct().Count());
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from grade_events where state <> 'delivered'"));
        Assert.Single(other.Accepted);
    }
}
