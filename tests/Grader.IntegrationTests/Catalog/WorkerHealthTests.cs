using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Catalog;

public sealed class WorkerHealthTests : IAsyncLifetime
{
    private ServiceStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Worker_serves_readiness_with_postgres_rabbitmq_and_its_bus_on_its_health_url()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        _stack.StartWorker(new Dictionary<string, string> { ["Worker__HealthUrls"] = url });
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };

        string ready = "";
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                ready = await response.Content.ReadAsStringAsync();
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, TimeSpan.FromSeconds(60), "worker ready");
        using var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var report = JsonDocument.Parse(ready);
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["postgres"]);
        Assert.Equal("Healthy", checks["rabbitmq"]);
        Assert.Contains(checks, c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value == "Healthy");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
