using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Lti;

/// <summary>A platform that hangs costs its own posts a bounded timeout and a retry; another platform's Scores go on.</summary>
public sealed class LtiPlatformIsolationTests
{
    private const string OtherSource = "other-lms";
    private const string OtherSecret = "other-secret";

    [Fact]
    public async Task Hanging_platform_times_out_and_retries_while_another_platform_gets_its_score_at_once()
    {
        var apiSettings = LtiSetup.Api;
        apiSettings[$"Webhooks__Sources__{OtherSource}__Secret"] = OtherSecret;
        await using var stack = await ServiceStack.StartAsync(apiSettings: apiSettings);
        await using var hanging = await LtiSetup.StartPlatformAsync(stack);
        await using var healthy = await LtiSetup.StartPlatformAsync(stack);
        hanging.Hanging = true;
        await LtiSetup.RotateKeyAsync(stack);
        await LtiSetup.RegisterAsync(stack, hanging);
        await LtiSetup.RegisterAsync(stack, healthy, source: OtherSource);
        var worker = LtiSetup.Worker;
        worker["Lti__Delivery__Timeout"] = "00:00:08";
        stack.StartWorker(worker);
        await stack.WaitForConsumersAsync(1);

        var stuck = await LtiSetup.PostAsync(stack, SeedAnswers.Partial, hanging.LineItem("hw"), "u1");
        await stack.WaitForStatusAsync(stuck, "graded", LtiSetup.Timeout);
        var other = await LtiSetup.PostAsync(stack, SeedAnswers.Partial, healthy.LineItem("hw"), "u2",
            new WebhookClient(stack.Http, OtherSource, OtherSecret));
        await stack.WaitForStatusAsync(other, "graded", LtiSetup.Timeout);
        var graded = DateTimeOffset.UtcNow;

        await Eventually.HoldsAsync(() => Task.FromResult(healthy.Scores.Count == 1), LtiSetup.Timeout, "the healthy platform's Score");
        // Well inside the hanging platform's 8 s timeout: its loop does not hold the other's.
        Assert.InRange((DateTimeOffset.UtcNow - graded).TotalSeconds, 0, 5);
        var timedOut = await LtiSetup.WaitForPostAsync(stack, stuck, p => p.LastError is not null, "the hanging platform's timeout");
        Assert.Equal(("token endpoint: no answer within 8 s", GradeEventStates.Pending), (timedOut.LastError, timedOut.State));

        hanging.Hanging = false;
        await LtiSetup.WaitForPostAsync(stack, stuck, p => p.State == GradeEventStates.Delivered, "the post once the platform answers");
        Assert.Single(hanging.Scores);
    }
}
