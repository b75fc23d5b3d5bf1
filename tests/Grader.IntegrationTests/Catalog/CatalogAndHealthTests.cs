using System.Net;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Catalog;

public sealed class CatalogAndHealthTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task Problem_list_shows_every_seed_problem_with_parts_and_no_reference_answers()
    {
        var text = await Stack.Http.GetStringAsync("/api/v1/problems");

        using var json = JsonDocument.Parse(text);
        var ids = json.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("cs189-dis4", ids);
        Assert.Contains("mit-6390-rec6", ids);
        Assert.Contains("ds102-disc7", ids);
        Assert.Contains("mit-6036-s17-hw4", ids);
        Assert.All(json.RootElement.EnumerateArray(), p => Assert.NotEmpty(p.GetProperty("parts").EnumerateArray()));
        Assert.DoesNotContain("expected", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task One_problem_is_served_by_id_and_an_unknown_one_is_404()
    {
        using var known = await Stack.Http.GetAsync("/api/v1/problems/cs189-dis4");
        using var unknown = await Stack.Http.GetAsync("/api/v1/problems/no-such-problem");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        using var json = JsonDocument.Parse(await known.Content.ReadAsStringAsync());
        var part = json.RootElement.GetProperty("parts").EnumerateArray().First(p => p.GetProperty("id").GetString() == "3b");
        Assert.Equal("number", part.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_postgres_rabbitmq_and_the_bus_healthy()
    {
        using var live = await Stack.Http.GetAsync("/health/live");
        string ready = "";
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await Stack.Http.GetAsync("/health/ready");
            ready = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var report = JsonDocument.Parse(ready);
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains("postgres", checks);
        Assert.Contains("rabbitmq", checks);
        Assert.Contains(checks, name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_webhook()
    {
        var text = await Stack.Http.GetStringAsync("/openapi/v1.json");

        using var json = JsonDocument.Parse(text);
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/submissions", out _));
    }

    [Fact]
    public async Task OpenApi_document_asks_for_an_api_key_everywhere_but_the_signed_webhook()
    {
        using var json = JsonDocument.Parse(await Stack.Http.GetStringAsync("/openapi/v1.json"));
        var root = json.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        string[] Security(string path, string method) =>
            root.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToArray()
                : [];

        Assert.Equal("bearer", schemes.GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.Equal("Grader-Signature", schemes.GetProperty("webhookSignature").GetProperty("name").GetString());
        Assert.Equal(["webhookSignature"], Security("/api/v1/submissions", "post"));
        Assert.Equal(["apiKey"], Security("/api/v1/submissions/{id}", "get"));
        Assert.Equal(["apiKey"], Security("/api/v1/regrades", "post"));
        Assert.Equal(["apiKey"], Security("/api/v1/courses/{course}/assignments/{assignment}/gradebook", "get"));
        Assert.Equal(["apiKey"], Security("/api/v1/problems", "get"));
    }
}
