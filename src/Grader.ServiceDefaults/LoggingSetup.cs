using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Grader.ServiceDefaults;

/// <summary>Serilog for every Grader process (Serilog.AspNetCore): JSON lines in production, readable text in development.</summary>
public static class LoggingSetup
{
    private const string TextTemplate =
        "{Timestamp:HH:mm:ss.fff} {Level:u3} [{SourceContext}] {SubmissionId} {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// <c>Logging:Format</c> = <c>json</c> or <c>text</c> overrides the choice by environment. Levels come from
    /// <c>Logging:LogLevel</c> as usual, then from an optional <c>Serilog</c> section (Serilog.Settings.Configuration:
    /// <c>Serilog:MinimumLevel:Override:…</c>, enrichers, more sinks). Log scopes become properties, so a grading's
    /// <c>SubmissionId</c> scope reaches every line written inside it; each event carries the current trace and span id.
    /// </summary>
    public static IHostApplicationBuilder AddGraderLogging(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var format = configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        var application = builder.Environment.ApplicationName;
        // preserveStaticLogger: each host gets its own logger (the integration tests run several APIs in one process).
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.Enrich.FromLogContext().Enrich.WithProperty("Application", application);
            ApplyLevels(logger, configuration.GetSection("Logging:LogLevel"));
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services);
            if (json)
            {
                logger.WriteTo.Console(new JsonFormatter(renderMessage: true));
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture);
            }
        }, preserveStaticLogger: true);
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
