using Grader.Data.Lti;
using Grader.Data.Passback;
using Grader.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grader.ServiceDefaults;

/// <summary>
/// The health checks and endpoints of every Grader process. <c>/health/live</c>: the process runs. <c>/health/ready</c>:
/// PostgreSQL answers a query, RabbitMQ opens a channel, and MassTransit's bus is connected (its check, tag <c>ready</c>).
/// </summary>
public static class HealthChecksSetup
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BrokerConnection>();
        builder.Services.AddHealthChecks()
            .AddNpgSql(services => services.GetRequiredService<NpgsqlDataSource>(), name: "postgres", tags: [ReadyTag],
                timeout: TimeSpan.FromSeconds(5))
            .AddRabbitMQ(services => services.GetRequiredService<BrokerConnection>().GetAsync(CancellationToken.None),
                name: "rabbitmq", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .Add(BacklogCheck("grade-events", services => services.GetRequiredService<GradeEventDeliveries>().BacklogAsync))
            .Add(BacklogCheck("lti-scores", services => services.GetRequiredService<LtiScoreDeliveries>().BacklogAsync));
        return builder;
    }

    private static HealthCheckRegistration BacklogCheck(string name,
        Func<IServiceProvider, Func<CancellationToken, Task<GradeEventBacklog>>> readBacklog) =>
        new(name, services => new DeliveryBacklogCheck(readBacklog(services)), HealthStatus.Healthy, [ReadyTag], TimeSpan.FromSeconds(5));

    /// <summary>
    /// For a process without a web server of its own (the worker): serves the health endpoints on <c>urls</c>
    /// (e.g. <c>Worker:HealthUrls</c> = <c>http://127.0.0.1:5081</c>, several separated by <c>;</c>); nothing when empty.
    /// </summary>
    public static IHostApplicationBuilder AddHealthListener(this IHostApplicationBuilder builder, string? urls)
    {
        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.Services.AddHostedService(services => new HealthListener(
                urls, services.GetRequiredService<HealthCheckService>(), services.GetRequiredService<ILoggerFactory>()));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapDefaultHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
