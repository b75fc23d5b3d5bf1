using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Grader.ServiceDefaults;

/// <summary>Serilog for every Grader process: JSON lines in production, readable text in development.</summary>
public static class LoggingSetup
{
    /// <summary>
    /// <c>Logging:Format</c> = <c>json</c> or <c>text</c> overrides the choice by environment; levels come from
    /// <c>Logging:LogLevel</c> as usual. Log scopes become properties, so a grading's <c>SubmissionId</c> scope reaches
    /// every line written inside it.
    /// </summary>
    public static IHostApplicationBuilder AddGraderLogging(this IHostApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        var configuration = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", builder.Environment.ApplicationName);
        ApplyLevels(configuration, builder.Configuration.GetSection("Logging:LogLevel"));
        configuration = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} [{SourceContext}] {SubmissionId} {Message:lj}{NewLine}{Exception}",
                formatProvider: CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }

    // Serilog's provider bypasses Microsoft's level filters, so the Logging:LogLevel rules are translated here.
    private static void ApplyLevels(LoggerConfiguration configuration, IConfigurationSection levels)
    {
        configuration.MinimumLevel.Is(ToSerilog(levels["Default"]) ?? LogEventLevel.Information);
        foreach (var category in levels.GetChildren().Where(c => c.Key != "Default"))
        {
            if (ToSerilog(category.Value) is { } level)
            {
                configuration.MinimumLevel.Override(category.Key, level);
            }
        }
    }

    private static LogEventLevel? ToSerilog(string? level) => Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed)
        ? parsed switch
        {
            LogLevel.Trace => LogEventLevel.Verbose,
            LogLevel.Debug => LogEventLevel.Debug,
            LogLevel.Information => LogEventLevel.Information,
            LogLevel.Warning => LogEventLevel.Warning,
            LogLevel.Error => LogEventLevel.Error,
            _ => LogEventLevel.Fatal,
        }
        : null;
}
