using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Lti;

/// <summary>The Score is stored with the grade, so a worker killed before its post completed loses nothing.</summary>
public sealed class LtiWorkerKillTests
{
    [Fact]
    public async Task Worker_killed_while_posting_a_score_leaves_it_to_the_next_worker_which_posts_it_once()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: LtiSetup.Api);
        await using var platform = await LtiSetup.StartPlatformAsync(stack);
        platform.HangingScores = true;
        await LtiSetup.RotateKeyAsync(stack);
        await LtiSetup.RegisterAsync(stack, platform);
        var first = stack.StartWorker(LtiSetup.Worker);
        await stack.WaitForConsumersAsync(1);

        var id = await LtiSetup.PostAsync(stack, SeedAnswers.Partial, platform.LineItem("hw"), "u1");
        await Eventually.HoldsAsync(() => Task.FromResult(platform.HungScorePosts == 1), LtiSetup.Timeout, "the post in flight");
        first.Kill();
        platform.HangingScores = false;
        stack.StartWorker(LtiSetup.Worker);

        // The dead worker's claim runs out (its lease: 3 × the 3 s timeout + 5 s), then the new worker posts it.
        var post = await LtiSetup.WaitForPostAsync(stack, id, p => p.State == GradeEventStates.Delivered, "the post after the kill");
        Assert.Equal(2, post.Attempts);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(platform.Scores);
        Assert.Equal(1, platform.HungScorePosts);
    }
}
