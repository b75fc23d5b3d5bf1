using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Hardening;

/// <summary>
/// Rate limits per API key and per webhook source (429 with Retry-After and a ProblemDetails), and a body limit on every
/// endpoint, on a stack configured with tiny budgets.
/// </summary>
public sealed class RateAndBodyLimitTests : IAsyncLifetime
{
    private ServiceStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string>
    {
        ["RateLimits:PerKey:PermitsPerMinute"] = "3",
        ["RateLimits:PerSource:PermitsPerMinute"] = "2",
    });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_key_over_its_budget_gets_429_with_retry_after_and_another_key_does_not()
    {
        using var first = _stack.CreateClient(await _stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        using var second = _stack.CreateClient(await _stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/problems")).StatusCode);
        }

        using var refused = await first.GetAsync("/api/v1/problems");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, refused.Headers.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/problems")).StatusCode);
    }

    [Fact]
    public async Task A_webhook_source_over_its_budget_gets_429_and_nothing_is_stored()
    {
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await _stack.Webhook.PostAsync(WebhookClient.Body("cs189-dis4", new Dictionary<string, object> { ["3b"] = 233 }));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await _stack.Webhook.PostAsync(WebhookClient.Body("cs189-dis4", new Dictionary<string, object> { ["3b"] = 233 }));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(2, await _stack.ScalarAsync("select count(*) from submissions"));
    }

    [Fact]
    public async Task A_regrade_body_over_64_KiB_is_413_and_no_job()
    {
        using var admin = _stack.CreateClient(await _stack.CreateApiKeyAsync(ApiKeyRole.Admin));
        var body = JsonSerializer.Serialize(new { reason = new string('x', 70 * 1024), dryRun = true });

        using var response = await admin.PostAsync("/api/v1/regrades", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _stack.ScalarAsync("select count(*) from regrade_jobs"));
        using var small = await admin.PostAsJsonAsync("/api/v1/regrades", new { reason = "small", dryRun = true });
        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
    }
}
