using Grader.ServiceDefaults;
using Grader.ServiceDefaults.Settings;
using Grader.Worker.Grading;
using Grader.Worker.Lti;
using Grader.Worker.Passback;
using Grader.Worker.Regrading;
using Grader.Worker.Sweeping;
using Grader.Worker.Telemetry;
using MassTransit;

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
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .ValidateSettings(TelemetryOptions.Rules);
        builder.Services.AddHostedService<QueueDepthSampler>();

        builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section))
            .ValidateSettings(WorkerRules);
        builder.Services.AddOptions<SweeperOptions>().Bind(builder.Configuration.GetSection(SweeperOptions.Section))
            .ValidateSettings(SweeperOptions.Rules);
        builder.Services.AddGradingServices();
        builder.Services.AddHostedService<QueuedSubmissionSweeper>();
        builder.Services.AddOptions<RegradeOptions>().Bind(builder.Configuration.GetSection(RegradeOptions.Section))
            .ValidateSettings(RegradeOptions.Rules);
        builder.Services.AddRegradeServices();
        builder.AddGradePassback();
        builder.AddLtiPassback();
        // Give in-flight grades time to commit and acknowledge on Ctrl-C or SIGTERM.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>A zero limit, prefetch or batch size would stall the consumer; retries may be off (0), attempts may not.</summary>
    private static void WorkerRules(WorkerOptions o, SettingsCheck check) => check
        .Positive($"{WorkerOptions.Section}:{nameof(o.ConcurrentMessageLimit)}", o.ConcurrentMessageLimit)
        .Positive($"{WorkerOptions.Section}:{nameof(o.PrefetchCount)}", o.PrefetchCount)
        .NotNegative($"{WorkerOptions.Section}:{nameof(o.RetryLimit)}", o.RetryLimit)
        .Positive($"{WorkerOptions.Section}:{nameof(o.RetryMinInterval)}", o.RetryMinInterval)
        .That(o.RetryMaxInterval >= o.RetryMinInterval, $"{WorkerOptions.Section}:{nameof(o.RetryMaxInterval)}",
            $"must not be shorter than {nameof(o.RetryMinInterval)}")
        .Positive($"{WorkerOptions.Section}:{nameof(o.MaxAttempts)}", o.MaxAttempts)
        .Positive($"{WorkerOptions.Section}:{nameof(o.BatchMessageLimit)}", o.BatchMessageLimit)
        .Positive($"{WorkerOptions.Section}:{nameof(o.BatchTimeLimit)}", o.BatchTimeLimit)
        .That(Enum.IsDefined(o.BatchTimeLimitStart), $"{WorkerOptions.Section}:{nameof(o.BatchTimeLimitStart)}",
            $"must be {nameof(BatchTimeLimitStart.FromLast)} or {nameof(BatchTimeLimitStart.FromFirst)}")
        .Positive($"{WorkerOptions.Section}:{nameof(o.BatchConcurrencyLimit)}", o.BatchConcurrencyLimit);

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
