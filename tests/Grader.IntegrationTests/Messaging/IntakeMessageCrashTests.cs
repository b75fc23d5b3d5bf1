using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Submissions;

namespace Grader.IntegrationTests.Messaging;

/// <summary>
/// One message per intake commit (<see cref="Grader.Contracts.GradeSubmissions"/>) keeps the per-submission message's
/// durability: a worker killed while it grades such a message leaves it unacknowledged, and the next worker grades each of
/// its submissions exactly once, counting a start only for the deliveries that claimed it.
/// </summary>
public sealed class IntakeMessageCrashTests
{
    private const int Behind = 250;

    [Fact]
    public async Task Worker_killed_mid_message_leaves_each_of_its_submissions_graded_exactly_once()
    {
        await using var stack = await ServiceStack.StartAsync();
        var ids = await PostOneCommitAsync(stack);
        var messages = await QueuedCommands.PeekAsync(stack);
        Assert.Equal(2, messages.Count); // the gate's own webhook alone, then the 250 behind it in one message
        Assert.Contains(messages, m => m.Count == Behind);

        // Chunks of two ids a claim and commit, one batch at a time: the 250-id message takes 125 commits, and the kill
        // comes while it is part graded and unacknowledged.
        var first = stack.StartWorker(new Dictionary<string, string>
        {
            ["Worker__BatchMessageLimit"] = "2",
            ["Worker__BatchConcurrencyLimit"] = "1",
        });
        await Eventually.HoldsAsync(async () => await GradedAsync(stack) >= 10, TimeSpan.FromSeconds(90), "the first grades");
        first.Kill();
        var gradedAtKill = await GradedAsync(stack);
        Assert.True(gradedAtKill < ids.Count, $"the worker finished all {ids.Count} before it was killed; the test proves nothing");

        stack.StartWorker();
        await Eventually.HoldsAsync(async () => await GradedAsync(stack) == ids.Count, TimeSpan.FromSeconds(120), "every grade");

        Assert.Equal(ids.Count, await stack.ScalarAsync("select count(*) from results"));
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from (select submission_id from results group by submission_id having count(*) > 1) d"));
        Assert.Equal(2, await stack.ScalarAsync("select count(distinct graded_by) from results"));
        // One start per delivery that claimed it: the killed worker's (if it got that far), and the redelivery's for those
        // it had not committed; never none, never one per chunk or per retry.
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from submissions where attempts not in (1, 2)"));
    }

    /// <summary>One webhook held at the insert, <see cref="Behind"/> queued behind it: two commits; returns every id.</summary>
    private static async Task<List<Guid>> PostOneCommitAsync(ServiceStack stack)
    {
        Task<HttpResponseMessage> blocker;
        Task<HttpResponseMessage>[] posts;
        await using (var gate = await FlushGate.CloseAsync(stack))
        {
            blocker = stack.Webhook.PostAsync(Body());
            await gate.HoldsAsync(queued: 0);
            posts = [.. Enumerable.Range(0, Behind).Select(_ => stack.Webhook.PostAsync(Body()))];
            await gate.HoldsAsync(queued: Behind);
        }

        var ids = new List<Guid>();
        foreach (var response in await Task.WhenAll(posts.Prepend(blocker)))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id);
        }

        await Eventually.HoldsAsync(async () => (await QueuedCommands.PeekAsync(stack)).Sum(m => m.Count) == ids.Count,
            TimeSpan.FromSeconds(30), "every submission's command in the queue");
        return ids;
    }

    private static Dictionary<string, object?> Body() => WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial);

    private static Task<long> GradedAsync(ServiceStack stack) => stack.ScalarAsync("select count(*) from submissions where status = 'graded'");
}
