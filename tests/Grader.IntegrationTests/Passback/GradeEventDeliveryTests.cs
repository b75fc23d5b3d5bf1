using System.Net.Http.Json;
using Grader.Api.Passback;
using Grader.Api.Problems;
using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Passback;

/// <summary>Grades reach the LMS as signed events: once per change, in revision order, through a receiver's failures.</summary>
public sealed class GradeEventDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Graded_submission_sends_one_event_and_a_score_changing_regrade_one_more_with_a_higher_revision()
    {
        using var problems = new ProblemsFolder();
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        await using var stack = await ServiceStack.StartAsync(problems.Path);
        stack.StartWorker(PassbackSettings.Worker(receiver));
        await stack.WaitForConsumersAsync(1);

        var near = (await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 1, PassbackSettings.Answers(3.02), Timeout))[0];
        var exact = (await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 1, PassbackSettings.Answers(3), Timeout))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 2), Timeout, "two graded events");
        var graded = receiver.Accepted.Single(e => e.SubmissionId == near);
        var submission = await stack.GetSubmissionAsync(near);
        Assert.Equal((GradeEventTypes.Graded, 1, "graded"), (graded.Type, graded.Revision, graded.Status));
        Assert.Equal((submission.Score, submission.MaxScore), (graded.Score, graded.MaxScore));
        Assert.Equal("cs189", graded.Body.GetProperty("course").GetString());
        Assert.Equal(SeedAnswers.ProblemId, graded.Body.GetProperty("problemId").GetString());
        var part = graded.Body.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partId").GetString() == "1d");
        Assert.Equal("correct", part.GetProperty("status").GetString());
        // Per-part status and score only: feedback may quote the reference answer.
        Assert.False(part.TryGetProperty("feedback", out _));

        var oldVersion = await ProblemVersionAsync(stack);
        problems.NarrowToleranceOf1d();
        await Eventually.HoldsAsync(async () => await ProblemVersionAsync(stack) != oldVersion, Timeout, "the API to reload the edit");
        var job = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001",
        });
        await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", Timeout);

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 3), Timeout, "the regraded event");
        var regraded = receiver.Accepted[2];
        Assert.Equal((GradeEventTypes.Regraded, near, 2), (regraded.Type, regraded.SubmissionId, regraded.Revision));
        Assert.True(regraded.Score < graded.Score);
        Assert.Equal((await stack.GetSubmissionAsync(near)).Score, regraded.Score);
        // The exact answer got a new revision (new problem version) but the same score: no event for it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(3, receiver.Accepted.Count);
        Assert.Single(receiver.Accepted, e => e.SubmissionId == exact);
        Assert.Equal(0, receiver.BadSignatures);
        Assert.Equal(3, receiver.Accepted.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Receiver_answering_500_three_times_then_200_gets_the_event_once_on_the_fourth_attempt()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        receiver.Answer(500, times: 3);
        await using var stack = await ServiceStack.StartAsync();
        stack.StartWorker(PassbackSettings.Worker(receiver));
        await stack.WaitForConsumersAsync(1);

        var id = (await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 1, SeedAnswers.Partial, Timeout))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 1), Timeout, "the event after three 500s");
        Assert.Equal(new[] { 500, 500, 500, 200 }, receiver.Attempts.Select(a => a.Status));
        Assert.Single(receiver.Attempts.Select(a => a.EventId).Distinct());

        var delivery = await WaitForDeliveryAsync(stack, id, GradeEventStates.Delivered);
        Assert.Equal((4, GradeEventTypes.Graded, receiver.Accepted[0].Id), (delivery.Attempts, delivery.Type, delivery.Id));

        // An admin may send it again: the receiver sees the same event id (and ignores it as a duplicate).
        using var redeliver = await stack.Http.PostAsync($"/api/v1/webhooks/deliveries/{delivery.Id}/redeliver", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, redeliver.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 2), Timeout, "the redelivered event");
        Assert.Equal(receiver.Accepted[0].Id, receiver.Accepted[1].Id);
    }

    [Fact]
    public async Task Receiver_answering_429_with_Retry_After_is_not_sent_the_event_again_sooner()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        receiver.Answer(429, retryAfter: "2");
        await using var stack = await ServiceStack.StartAsync();
        stack.StartWorker(PassbackSettings.Worker(receiver));
        await stack.WaitForConsumersAsync(1);

        await PassbackSettings.PostAndGradeAsync(stack, stack.Webhook, 1, SeedAnswers.Partial, Timeout);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 1), Timeout, "the event after a 429");
        var attempts = receiver.Attempts;
        Assert.Equal(new[] { 429, 200 }, attempts.Select(a => a.Status));
        // The backoff alone would retry after 0.1–0.2 s; Retry-After: 2 asks for two seconds.
        Assert.InRange((attempts[1].At - attempts[0].At).TotalSeconds, 1.9, 10);
    }

    private static async Task<GradeEventDelivery> WaitForDeliveryAsync(ServiceStack stack, Guid submissionId, string state)
    {
        GradeEventDelivery? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await stack.Http.GetFromJsonAsync<DeliveriesPage>(
                $"/api/v1/webhooks/deliveries?submission={submissionId}&state={state}", ServiceStack.Json);
            found = page!.Items.FirstOrDefault();
            return found is not null;
        }, Timeout, $"a {state} delivery of {submissionId}");
        return found!;
    }

    internal static async Task<string> ProblemVersionAsync(ServiceStack stack) =>
        (await stack.Http.GetFromJsonAsync<ProblemView>($"/api/v1/problems/{SeedAnswers.ProblemId}", ServiceStack.Json))!.Version;
}
