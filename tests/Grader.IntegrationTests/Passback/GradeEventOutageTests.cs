using System.Net;
using System.Net.Http.Json;
using Grader.Api.Passback;
using Grader.Data.Access;
using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Passback;

/// <summary>A receiver that is down: its events wait (in order, once each), dead ones can be sent again, others flow on.</summary>
public sealed class GradeEventOutageTests
{
    private const string OtherSource = "other-lms";
    private const string OtherSecret = "other-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Receiver_down_30_s_then_back_gets_every_event_once_in_revision_order_and_another_source_is_not_delayed()
    {
        using var problems = new ProblemsFolder();
        var receiver = new GradeReceiver(ServiceStack.Secret);
        await using var other = new GradeReceiver(OtherSecret).Start();
        await using var stack = await ServiceStack.StartAsync(problems.Path,
            new Dictionary<string, string> { [$"Webhooks:Sources:{OtherSource}:Secret"] = OtherSecret });
        stack.StartWorker(PassbackSettings.Worker((ServiceStack.Source, ServiceStack.Secret, receiver.Url),
            (OtherSource, OtherSecret, other.Url)));
        await stack.WaitForConsumersAsync(1);

        // test-lms's receiver is down (nothing listens): its first grades and their regrades queue up behind each other.
        var ids = await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 4, PassbackSettings.Answers(3.02), Timeout);
        var oldVersion = await GradeEventDeliveryTests.ProblemVersionAsync(stack);
        problems.NarrowToleranceOf1d();
        await Eventually.HoldsAsync(async () => await GradeEventDeliveryTests.ProblemVersionAsync(stack) != oldVersion, Timeout,
            "the API to reload the edit");
        var job = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001",
        });
        await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);
        Assert.Equal(8, await stack.ScalarAsync("select count(*) from grade_events where source = 'test-lms' and state = 'pending'"));

        // Meanwhile another source's grade goes straight through.
        var otherWebhook = new WebhookClient(stack.CreateClient(null), OtherSource, OtherSecret);
        var started = DateTimeOffset.UtcNow;
        var otherId = (await PassbackSettings.PostAndGradeAsync(stack, otherWebhook, 1, SeedAnswers.Partial, Timeout))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(other.Accepted.Count == 1), TimeSpan.FromSeconds(10), "the other source's event");
        Assert.Equal(otherId, other.Accepted[0].SubmissionId);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Empty(receiver.Attempts);

        // Down for 30 s from the first stored event (the outage), retried all along without giving up or reordering.
        var down = await SecondsSinceFirstEventAsync(stack);
        if (down < 30)
        {
            await Task.Delay(TimeSpan.FromSeconds(30 - down));
        }

        Assert.Equal(8, await stack.ScalarAsync("select count(*) from grade_events where source = 'test-lms' and state = 'pending'"));
        Assert.True(await stack.ScalarAsync("select min(attempts) from grade_events where source = 'test-lms' and revision = 1") >= 2,
            "the first grades' events should have been tried again during the outage");

        receiver.Start();
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 8), Timeout, "all 8 events after the outage");
            await Task.Delay(TimeSpan.FromSeconds(1));
            var events = receiver.Accepted;
            Assert.Equal(8, events.Count);
            Assert.Equal(8, events.Select(e => e.Id).Distinct().Count());
            foreach (var id in ids)
            {
                var ofSubmission = events.Where(e => e.SubmissionId == id).ToList();
                Assert.Equal(new[] { (1, GradeEventTypes.Graded), (2, GradeEventTypes.Regraded) },
                    ofSubmission.Select(e => (e.Revision, e.Type)));
            }

            Assert.Equal(0, await stack.ScalarAsync("select count(*) from grade_events where state <> 'delivered'"));
        }
        finally
        {
            await receiver.StopAsync();
        }
    }

    private static async Task<double> SecondsSinceFirstEventAsync(ServiceStack stack)
    {
        await using var command = stack.Db.CreateCommand("select extract(epoch from now() - min(occurred_at))::float8 from grade_events");
        return (double)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Event_past_its_retry_window_goes_dead_and_an_admin_sends_the_dead_ones_of_a_source_again()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        receiver.Answer(503, times: 1000);
        await using var stack = await ServiceStack.StartAsync();
        var settings = PassbackSettings.Worker(receiver);
        settings["Webhooks__Delivery__MaxAge"] = "00:00:01";
        stack.StartWorker(settings);
        await stack.WaitForConsumersAsync(1);

        var id = (await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 1, SeedAnswers.Partial, Timeout))[0];
        DeliveriesPage? dead = null;
        await Eventually.HoldsAsync(async () =>
        {
            dead = await stack.Http.GetFromJsonAsync<DeliveriesPage>(
                $"/api/v1/webhooks/deliveries?state=dead&source={ServiceStack.Source}", ServiceStack.Json);
            return dead!.Items.Count == 1;
        }, Timeout, "the event to go dead");
        var delivery = dead!.Items[0];
        Assert.Equal(id, delivery.SubmissionId);
        Assert.StartsWith("HTTP 503", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.Attempts >= 1);
        Assert.Empty(receiver.Accepted);
        // Counted in readiness's detail, which stays ready: an LMS being down is no reason to stop grading. Polled, because
        // the broker's checks may report a passing 503 on a loaded machine (seen once in a full run); the dead event never may.
        await Eventually.HoldsAsync(async () =>
        {
            using var ready = await stack.Http.GetAsync("/health/ready");
            var detail = await ready.Content.ReadAsStringAsync();
            return ready.StatusCode == HttpStatusCode.OK
                && detail.Contains("pending 0, oldest pending none, dead 1", StringComparison.Ordinal);
        }, Timeout, "readiness to be 200 with the dead event in its detail");

        // Only admin keys see or move deliveries.
        using var instructor = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        Assert.Equal(HttpStatusCode.Forbidden, (await instructor.GetAsync("/api/v1/webhooks/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await instructor.PostAsync($"/api/v1/webhooks/sources/{ServiceStack.Source}/redeliver-dead", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stack.Http.GetAsync("/api/v1/webhooks/deliveries?state=lost")).StatusCode);

        receiver.ClearAnswers();
        using var response = await stack.Http.PostAsync($"/api/v1/webhooks/sources/{ServiceStack.Source}/redeliver-dead", null);
        var redelivered = (await response.Content.ReadFromJsonAsync<RedeliveredEvents>(ServiceStack.Json))!;
        Assert.Equal(1, redelivered.Count);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 1), Timeout, "the dead event, sent again");
        Assert.Equal(delivery.Id, receiver.Accepted[0].Id);
    }
}
