using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

public sealed class WebhookGradingTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private static readonly TimeSpan GradeTimeout = TimeSpan.FromSeconds(60);
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task Signed_submission_is_graded_and_its_parts_are_visible()
    {
        using var response = await Stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!;
        Assert.Equal("queued", accepted.Status);
        Assert.Equal($"/api/v1/submissions/{accepted.Id}", response.Headers.Location?.OriginalString);

        var graded = await Stack.WaitForStatusAsync(accepted.Id, "graded", GradeTimeout);
        var parts = graded.Parts!.ToDictionary(p => p.PartId, p => p.Status);
        Assert.Equal("correct", parts["1d"]);
        Assert.Equal("correct", parts["3b"]);
        Assert.Equal("invalid", parts["2c.b"]);
        Assert.Equal("missing", parts["2f.b"]);
        Assert.Equal(graded.Parts!.Where(p => p.PartId is "1d" or "3b").Sum(p => p.MaxScore), graded.Score!.Value, 6);
        Assert.False(string.IsNullOrEmpty(graded.ProblemVersion));
        Assert.NotNull(graded.GradedAt);
    }

    [Fact]
    public async Task Repeated_delivery_returns_the_same_submission_and_is_graded_once()
    {
        var body = WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial);

        using var first = await Stack.Webhook.PostAsync(body);
        var id = (await first.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await Stack.WaitForStatusAsync(id, "graded", GradeTimeout);
        using var second = await Stack.Webhook.PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id);
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from submissions where external_id = '{body["externalId"]}'"));
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
    }

    [Fact]
    public async Task Concurrent_duplicate_deliveries_store_one_submission_and_one_result()
    {
        var body = WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Stack.Webhook.PostAsync(body)));

        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"got {response.StatusCode}");
            ids.Add((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id);
            response.Dispose();
        }

        var id = Assert.Single(ids);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        await Stack.WaitForStatusAsync(id, "graded", GradeTimeout);
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from submissions where external_id = '{body["externalId"]}'"));
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
    }

    [Fact]
    public async Task Unknown_submission_id_is_404()
    {
        using var response = await Stack.Http.GetAsync($"/api/v1/submissions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
