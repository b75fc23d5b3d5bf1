using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Hardening;

/// <summary>The OpenAPI document names the configured public base URL as its server, never the request's Host header.</summary>
public sealed class OpenApiServersTests
{
    [Fact]
    public async Task Without_a_public_base_url_the_document_has_no_servers_whatever_the_host()
    {
        await using var stack = await ServiceStack.StartAsync();

        var document = await GetDocumentAsync(stack, "evil.example");

        Assert.False(document.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0, document.ToString());
    }

    [Fact]
    public async Task With_a_public_base_url_the_document_names_it_and_not_the_host()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string>
        {
            ["Api:PublicBaseUrl"] = "https://grader.example.edu/",
        });

        var document = await GetDocumentAsync(stack, "evil.example");

        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.Equal(["https://grader.example.edu"], servers);
    }

    private static async Task<JsonElement> GetDocumentAsync(ServiceStack stack, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = host;
        using var response = await stack.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(host, text, StringComparison.Ordinal);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}
