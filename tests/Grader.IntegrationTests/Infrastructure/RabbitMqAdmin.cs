using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>The RabbitMQ management API: a fresh vhost per test stack, and queue consumer counts.</summary>
public sealed class RabbitMqAdmin : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqAdmin(int httpPort)
    {
        _http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/api/"),
            Timeout = TimeSpan.FromSeconds(15),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes($"{TestServers.RabbitUser}:{TestServers.RabbitPassword}")));
    }

    public async Task CreateVhostAsync(string vhost)
    {
        (await _http.PutAsync($"vhosts/{Uri.EscapeDataString(vhost)}", null)).EnsureSuccessStatusCode();
        var permissions = JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" });
        (await _http.PutAsync($"permissions/{Uri.EscapeDataString(vhost)}/{TestServers.RabbitUser}", permissions)).EnsureSuccessStatusCode();
    }

    public async Task DeleteVhostAsync(string vhost)
    {
        try
        {
            await _http.DeleteAsync($"vhosts/{Uri.EscapeDataString(vhost)}");
        }
        catch (HttpRequestException)
        {
            // The broker may be stopped by the test that just failed; the vhost is then left for the next start.
        }
    }

    public async Task<int> ConsumerCountAsync(string vhost, string queue)
    {
        using var response = await _http.GetAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0;
    }

    /// <summary>A queue that receives a copy of every message published to <paramref name="exchange"/>, to count events.</summary>
    public async Task BindQueueAsync(string vhost, string queue, string exchange)
    {
        var v = Uri.EscapeDataString(vhost);
        (await _http.PutAsync($"exchanges/{v}/{Uri.EscapeDataString(exchange)}",
            JsonContent.Create(new { type = "fanout", durable = true }))).EnsureSuccessStatusCode();
        (await _http.PutAsync($"queues/{v}/{Uri.EscapeDataString(queue)}", JsonContent.Create(new { durable = false })))
            .EnsureSuccessStatusCode();
        (await _http.PostAsync($"bindings/{v}/e/{Uri.EscapeDataString(exchange)}/q/{Uri.EscapeDataString(queue)}",
            JsonContent.Create(new { routing_key = "" }))).EnsureSuccessStatusCode();
    }

    /// <summary>Messages in a queue (the management statistics lag a few seconds behind).</summary>
    public async Task<int> MessageCountAsync(string vhost, string queue)
    {
        using var response = await _http.GetAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }

    public void Dispose() => _http.Dispose();
}
