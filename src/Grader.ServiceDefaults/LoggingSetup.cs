using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Json;

namespace Grader.ServiceDefaults;

/// <summary>Serilog for every Grader process: JSON lines in production, readable text in development.</summary>
public static class LoggingSetup
{
    /// <summary>
    /// <c>Logging:Format</c> = <c>json</c> or <c>text</c> overrides the choice by environment. Log scopes become
    /// properties, so a grading's <c>SubmissionId</c> scope reaches every line written inside it.
    /// Levels still come from <c>Logging:LogLevel</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGraderLogging(this IHostApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", builder.Environment.ApplicationName);
        configuration = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} [{SourceContext}] {SubmissionId} {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
