using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Messaging;

namespace Grader.IntegrationTests.Submissions;

/// <summary>
/// Group commit at intake (issue 14): webhooks that arrive together share one insert and one commit, each still answered
/// only once its own row is committed, and repeats, conflicts and failures are answered as when each had its own insert.
/// A fresh stack per test with no worker, so every message the API sends stays countable in the queue.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private ServiceStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Concurrent_distinct_webhooks_share_one_commit_and_each_is_stored_once_and_sent_once_in_one_message()
    {
        var bodies = Enumerable.Range(0, 200).Select(_ => Body()).ToList();
        Task<HttpResponseMessage>[] posts;
        Task<HttpResponseMessage> first;
        await using (var gate = await FlushGate.CloseAsync(_stack))
        {
            first = _stack.Webhook.PostAsync(Body());
            await gate.HoldsAsync(queued: 0);
            posts = [.. bodies.Select(_stack.Webhook.PostAsync)];
            await gate.HoldsAsync(queued: bodies.Count); // all 200 behind the one waiting insert
            Assert.DoesNotContain(posts, p => p.IsCompleted); // nobody answered before the commit
        }

        var responses = await Task.WhenAll(posts);
        Assert.Equal(HttpStatusCode.Accepted, (await first).StatusCode);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(IdAsync));
        Assert.Equal(bodies.Count, ids.Distinct().Count());
        var externalIds = InList(bodies.Select(b => (string)b["externalId"]!));
        Assert.Equal(bodies.Count, await _stack.ScalarAsync($"select count(*) from submissions where external_id in ({externalIds})"));
        Assert.Equal(1, await _stack.ScalarAsync($"select count(distinct xmin::text) from submissions where external_id in ({externalIds})"));
        // Two commits, two messages: the first webhook's alone, then one naming all 200 that shared the second commit
        // (not one message per submission: the broker stores, confirms, delivers and acknowledges each message).
        await Eventually.HoldsAsync(async () => await SentAsync() >= 2, TimeSpan.FromSeconds(30), "both sends");
        await Task.Delay(TimeSpan.FromSeconds(6)); // the management statistics lag: a duplicate send would show by now
        Assert.Equal(2, await SentAsync());
        var messages = await QueuedCommands.PeekAsync(_stack);
        Assert.Equal(2, messages.Count);
        Assert.Equal([await IdAsync(await first)], messages.Single(m => m.Count == 1));
        Assert.Equal(ids.Order(), messages.Single(m => m.Count == bodies.Count).Order());
    }

    [Fact]
    public async Task Repeats_inside_one_flush_are_stored_once_and_answered_as_repeats_or_conflicts()
    {
        var externalId = Guid.NewGuid().ToString("N");
        var same = Enumerable.Range(0, 10).Select(_ => Body(externalId)).ToList();
        var other = Body(externalId);
        other["answers"] = new Dictionary<string, object> { ["3b"] = 1 };
        Task<HttpResponseMessage>[] posts;
        Task<HttpResponseMessage> first;
        await using (var gate = await FlushGate.CloseAsync(_stack))
        {
            first = _stack.Webhook.PostAsync(Body());
            await gate.HoldsAsync(queued: 0);
            posts = [.. same.Select(_stack.Webhook.PostAsync)];
            await gate.HoldsAsync(queued: same.Count);
            var conflicting = _stack.Webhook.PostAsync(other);
            await gate.HoldsAsync(queued: same.Count + 1);
            posts = [.. posts, conflicting];
        }

        (await first).Dispose();

        var responses = await Task.WhenAll(posts);
        // The first of them in the flush is the one stored; the others are repeats of it.
        Assert.Single(responses[..^1], r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(same.Count - 1, responses[..^1].Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Conflict, responses[^1].StatusCode);
        Assert.Single((await Task.WhenAll(responses[..^1].Select(IdAsync))).Distinct());
        Assert.Equal(1, await _stack.ScalarAsync($"select count(*) from submissions where external_id = '{externalId}'"));
    }

    [Fact]
    public async Task A_flush_whose_connection_breaks_answers_each_of_its_requests_503_and_stores_none()
    {
        var bodies = Enumerable.Range(0, 10).Select(_ => Body()).ToList();
        var blockerBody = Body();
        HttpResponseMessage blocker;
        HttpResponseMessage[] responses;
        await using (var gate = await FlushGate.CloseAsync(_stack))
        {
            var first = _stack.Webhook.PostAsync(blockerBody);
            await gate.HoldsAsync(queued: 0);
            var posts = bodies.Select(_stack.Webhook.PostAsync).ToList();
            await gate.HoldsAsync(queued: bodies.Count);
            await gate.BreakWaitingInsertAsync(); // the blocker's flush fails alone
            blocker = await first;
            await gate.HoldsAsync(queued: 0); // the ten, in one insert, at the lock
            await gate.BreakWaitingInsertAsync();
            responses = await Task.WhenAll(posts);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, blocker.StatusCode);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(responses, r => Assert.True(r.Headers.RetryAfter is not null));
        var externalIds = InList(bodies.Append(blockerBody).Select(b => (string)b["externalId"]!));
        Assert.Equal(0, await _stack.ScalarAsync($"select count(*) from submissions where external_id in ({externalIds})"));

        // The LMS's retry of each is stored as new.
        var retries = await Task.WhenAll(bodies.Select(_stack.Webhook.PostAsync));
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
    }

    private static Dictionary<string, object?> Body(string? externalId = null) =>
        WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial, externalId);

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;

    private static string InList(IEnumerable<string> values) => string.Join(",", values.Select(v => $"'{v}'"));

    /// <summary>Messages in the worker queue (the API declares it with its first send; no worker takes them).</summary>
    private Task<int> SentAsync() => _stack.Rabbit.MessageCountAsync(_stack.VirtualHost, Grader.Contracts.QueueNames.GradeSubmission);
}
