using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Grader.Api.Health;

/// <summary><c>/health/live</c>: the process runs. <c>/health/ready</c>: PostgreSQL and RabbitMQ are reachable.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // MassTransit registers its bus check with the "ready" tag; ours adds PostgreSQL.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
