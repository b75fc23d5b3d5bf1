using Grader.ServiceDefaults.Telemetry;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Grader.ServiceDefaults;

/// <summary>
/// OpenTelemetry traces and metrics of every Grader process: ASP.NET Core, HttpClient, Npgsql, MassTransit, the .NET
/// runtime and <see cref="GraderMetrics"/>. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the other <c>OTEL_*</c> variables apply as usual); otherwise nothing leaves the process.
/// </summary>
public static class TelemetrySetup
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddGraderTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGraderMetrics();
        var export = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service (the resource reads it); else the process's name.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(builder.Environment.ApplicationName);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = http => !IsHealthProbe(http))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(DiagnosticHeaders.DefaultListenerName);
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(InstrumentationOptions.MeterName)
                    .AddMeter(GraderMetrics.MeterName);
                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>The instruments alone (also what the consumer tests register).</summary>
    public static IServiceCollection AddGraderMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<GraderMetrics>();
        return services;
    }

    private static bool IsHealthProbe(HttpContext http) => http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
