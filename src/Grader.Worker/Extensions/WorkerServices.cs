using Grader.ServiceDefaults;
using Grader.Worker.Grading;
using Grader.Worker.Lti;
using Grader.Worker.Passback;
using Grader.Worker.Regrading;
using Grader.Worker.Sweeping;
using Grader.Worker.Telemetry;

namespace Grader.Worker.Extensions;

/// <summary>
/// Everything the worker process registers: database, catalog, consumers on RabbitMQ (grading, regrading), the sweepers,
/// health checks (served on <c>Worker:HealthUrls</c> when set) and telemetry (the queue depth sampler).
/// </summary>
public static class WorkerServices
{
    /// <summary>Where the worker serves <c>/health/live</c> and <c>/health/ready</c> (<c>;</c>-separated URLs); none when unset.</summary>
    public const string HealthUrlsKey = "Worker:HealthUrls";

    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.AddGraderDatabase();
        builder.AddProblemCatalog();
        builder.AddStudentVariants();
        builder.AddGraderMessaging(bus =>
        {
            bus.AddGradingConsumers(WorkerOptions.Batched(builder.Configuration));
            bus.AddRegradeConsumers();
        });

        builder.AddDefaultHealthChecks();
        builder.AddHealthListener(builder.Configuration[HealthUrlsKey]);
        builder.AddGraderTelemetry();
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section));
        builder.Services.AddHostedService<QueueDepthSampler>();

        builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section));
        builder.Services.AddOptions<SweeperOptions>().Bind(builder.Configuration.GetSection(SweeperOptions.Section));
        builder.Services.AddGradingServices();
        builder.Services.AddHostedService<QueuedSubmissionSweeper>();
        builder.Services.AddOptions<RegradeOptions>().Bind(builder.Configuration.GetSection(RegradeOptions.Section));
        builder.Services.AddRegradeServices();
        builder.AddGradePassback();
        builder.AddLtiPassback();
        // Give in-flight grades time to commit and acknowledge on Ctrl-C or SIGTERM.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>The services the consumers and the sweeper use; also what the consumer tests register.</summary>
    public static IServiceCollection AddGradingServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddGraderMetrics();
        services.AddScoped<SubmissionGrader>();
        services.AddScoped<BatchGrader>();
        return services;
    }
}
