using System.Net;
using Grader.ServiceDefaults;
using Grader.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Grader.Worker.Tests.Telemetry;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Metrics_are_exported_to_the_configured_otlp_endpoint()
    {
        var port = FreePort.Next();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[TelemetrySetup.OtlpEndpointKey] = $"http://127.0.0.1:{port}";
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.AddGraderTelemetry();
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetRequiredService<GraderMetrics>().RecordGrade(TimeSpan.FromMilliseconds(12), "graded");
        var export = Task.Run(() => host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        var request = await collector.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var body = new MemoryStream();
        await request.Request.InputStream.CopyToAsync(body);
        request.Response.StatusCode = 200;
        request.Response.Close();
        await export;

        Assert.Equal("POST", request.Request.HttpMethod);
        Assert.Equal("/v1/metrics", request.Request.Url!.AbsolutePath);
        // OTLP protobuf carries names as UTF-8 strings.
        Assert.Contains(GraderMetrics.GradeDurationName, System.Text.Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
        await host.StopAsync();
    }
}
