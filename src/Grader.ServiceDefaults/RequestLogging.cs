using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace Grader.ServiceDefaults;

/// <summary>One line per HTTP request (Serilog.AspNetCore) with its trace id and, where it has one, the submission id.</summary>
public static class RequestLogging
{
    private const string SubmissionsPath = "/api/v1/submissions";

    public static IApplicationBuilder UseGraderRequestLogging(this IApplicationBuilder app)
    {
        // The host's own logger: the static Log.Logger is left alone (AddGraderLogging preserves it).
        var logger = app.ApplicationServices.GetRequiredService<ILogger>();
        return app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})";
            options.GetLevel = Level;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier);
                if (SubmissionIdOf(http) is { } submissionId)
                {
                    diagnostics.Set("SubmissionId", submissionId);
                }
            };
        });
    }

    /// <summary>The id in the route (<c>/api/v1/submissions/{id}</c>…), else the one the webhook answered with (<c>Location</c>).</summary>
    internal static Guid? SubmissionIdOf(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(SubmissionsPath, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (http.GetRouteValue("id") is string routed && Guid.TryParse(routed, out var id))
        {
            return id;
        }

        var location = http.Response.Headers.Location.ToString();
        var prefix = SubmissionsPath + "/";
        return location.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(location[prefix.Length..], out id)
            ? id
            : null;
    }

    // Probes poll the health endpoints every few seconds (a 503 from /health/ready is their answer, not a fault): debug.
    private static LogEventLevel Level(HttpContext http, double elapsedMs, Exception? exception) =>
        exception is not null ? LogEventLevel.Error
        : http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? LogEventLevel.Debug
        : http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : LogEventLevel.Information;
}
