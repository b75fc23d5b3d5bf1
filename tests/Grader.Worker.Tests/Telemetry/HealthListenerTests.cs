using System.Net;
using System.Text.Json;
using Grader.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Grader.Worker.Tests.Telemetry;

public sealed class HealthListenerTests
{
    [Fact]
    public async Task Health_listener_answers_live_and_ready_with_each_check()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        using var host = HostWith(url, HealthCheckResult.Healthy());
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("dependency").GetProperty("status").GetString());
        await host.StopAsync();
    }

    [Fact]
    public async Task Health_listener_reports_not_ready_while_a_dependency_is_down_and_live_all_the_same()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        using var host = HostWith(url, HealthCheckResult.Unhealthy("broker unreachable"));
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var check = report.RootElement.GetProperty("checks").GetProperty("dependency");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Equal("broker unreachable", check.GetProperty("Description").GetString());
        await host.StopAsync();
    }

    [Fact]
    public void No_health_listener_is_started_without_urls()
    {
        var builder = Host.CreateApplicationBuilder();
        var before = builder.Services.Count(s => s.ServiceType == typeof(IHostedService));

        builder.AddHealthListener(urls: "");

        Assert.Equal(before, builder.Services.Count(s => s.ServiceType == typeof(IHostedService)));
    }

    private static IHost HostWith(string url, HealthCheckResult result)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHealthChecks().AddCheck("dependency", () => result, tags: [HealthChecksSetup.ReadyTag]);
        builder.AddHealthListener(url);
        return builder.Build();
    }
}
