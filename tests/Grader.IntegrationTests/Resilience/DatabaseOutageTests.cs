using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Grader.Contracts;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

public sealed class DatabaseOutageTests
{
    private const int Batch = 40;
    private const int ClaimedBeforeTheOutage = 10;

    // About 0.6 s of in-process retries, so a 12 s outage outlasts them many times over.
    private static readonly Dictionary<string, string> ShortRetries = new()
    {
        ["Worker__RetryLimit"] = "2",
        ["Worker__RetryMinInterval"] = "00:00:00.100",
        ["Worker__RetryMaxInterval"] = "00:00:00.500",
    };

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Submissions_whose_grading_outlasts_the_retries_of_a_database_outage_are_each_graded_once_when_it_is_back()
    {
        await using var stack = await ServiceStack.StartAsync(ownServers: true);
        var worker = stack.StartWorker(ShortRetries);
        await stack.WaitForConsumersAsync(1);
        // Frozen, the worker holds its prefetched messages and grades none until the database is gone.
        worker.Pause();
        var ids = await Submissions.PostManyAsync(stack, Batch);
        // As a worker leaves them when the database goes away between its claim and its commit.
        await stack.ScalarAsync($"""
            with claimed as (select id from submissions order by id limit {ClaimedBeforeTheOutage})
            update submissions set status = 'grading', grading_started_at = now(), attempts = 1 where id in (select id from claimed)
            """);

        await Database.StopAsync(stack);
        try
        {
            worker.Resume();
            await Task.Delay(Outage);
            Assert.False(worker.HasExited, "the worker must ride out a database outage");
            await Eventually.HoldsAsync(async () => await stack.Rabbit.MessageCountAsync(stack.VirtualHost, QueueNames.GradeSubmission + "_error") > 0,
                TimeSpan.FromSeconds(30), "retries exhausted during the outage (messages in the error queue)");
        }
        finally
        {
            await Database.StartAsync(stack);
        }

        await Eventually.HoldsAsync(async () => await Count(stack, "submissions where status = 'graded'") == Batch,
            TimeSpan.FromSeconds(90), $"all {Batch} submissions graded");
        Assert.Equal(Batch, await Count(stack, "results"));
        Assert.Equal(Batch, await Count(stack, "(select distinct submission_id from results) d"));
        Assert.Equal(0, await Count(stack, "submissions where failure_reason is not null"));
        Assert.Equal(Batch, ids.Count);
    }

    [Fact]
    public async Task Webhook_answers_503_with_a_problem_saying_the_database_is_unavailable_while_it_is_down()
    {
        await using var stack = await ServiceStack.StartAsync(ownServers: true);

        var delivery = WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial);
        HttpResponseMessage response;
        var clock = Stopwatch.StartNew();
        await Database.StopAsync(stack);
        try
        {
            clock.Restart();
            response = await stack.Webhook.PostAsync(delivery);
            clock.Stop();
        }
        finally
        {
            await Database.StartAsync(stack);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("database is unavailable", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        // Nothing was half-stored: the LMS's retry of the same delivery is accepted as new once the database is back. The
        // API's pooled connections died with the server; a request that meets one is a 503 too, never a 500.
        Assert.Equal(0, await Count(stack, "submissions"));
        var answers = new List<HttpStatusCode>();
        await Eventually.HoldsAsync(async () =>
        {
            using var retried = await stack.Webhook.PostAsync(delivery);
            answers.Add(retried.StatusCode);
            return retried.StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(30), "the retried delivery accepted");
        Assert.All(answers[..^1], status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(1, await Count(stack, "submissions"));
    }

    private static Task<long> Count(ServiceStack stack, string from) => stack.ScalarAsync($"select count(*) from {from}");
}
