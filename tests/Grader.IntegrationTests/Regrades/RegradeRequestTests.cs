using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

public sealed class RegradeRequestTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    public static TheoryData<string, string> InvalidRequests => new()
    {
        { """{"course": "cs189"}""", "reason" },
        { """{"reason": " "}""", "reason" },
        { """{"reason": "x", "problemId": "no-such-problem"}""", "problemId" },
        { """{"reason": "x", "submittedBefore": "last tuesday"}""", "submittedBefore" },
        { """{"reason": "x", "dryRun": "yes"}""", "dryRun" },
        { """{"reason": "x", "course": 6036}""", "course" },
        { "not json", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_regrade_request_is_400_naming_the_field(string body, string field)
    {
        var jobsBefore = await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await fixture.Stack.Http.PostAsync("/api/v1/regrades", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors.{field} missing");
        Assert.Equal(jobsBefore, await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs"));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/changes")]
    [InlineData("GET", "/failures")]
    [InlineData("POST", "/cancel")]
    public async Task Unknown_regrade_id_is_404(string method, string suffix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/regrades/{Guid.NewGuid()}{suffix}");
        using var response = await fixture.Stack.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Regrade_matching_nothing_completes_at_once()
    {
        using var response = await fixture.Stack.Http.PostAsJsonAsync("/api/v1/regrades", new { course = "nobody", reason = "empty" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("completed", job.RootElement.GetProperty("state").GetString());
        Assert.Equal(0, job.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("changes", "after=xyz", "after")]
    [InlineData("changes", "limit=0", "limit")]
    [InlineData("changes", "limit=1001", "limit")]
    [InlineData("changes", "limit=-5", "limit")]
    [InlineData("failures", "after=xyz", "after")]
    [InlineData("failures", "limit=0", "limit")]
    public async Task Bad_paging_parameter_is_a_400_naming_it(string list, string query, string parameter)
    {
        var job = await RegradeClient.StartAsync(fixture.Stack, new { course = "nobody", reason = "paging", dryRun = true });
        using var response = await fixture.Stack.Http.GetAsync($"/api/v1/regrades/{job.Id}/{list}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.ToString());
    }
}
