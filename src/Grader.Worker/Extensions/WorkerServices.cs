using Grader.ServiceDefaults;
using Grader.Worker.Grading;
using Grader.Worker.Regrading;
using Grader.Worker.Sweeping;

namespace Grader.Worker.Extensions;

/// <summary>Everything the worker process registers: database, catalog, consumers on RabbitMQ (grading, regrading), the sweepers.</summary>
public static class WorkerServices
{
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.AddGraderDatabase();
        builder.AddProblemCatalog();
        builder.AddGraderMessaging(bus =>
        {
            bus.AddGradingConsumers();
            bus.AddRegradeConsumers();
        });

        builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section));
        builder.Services.AddOptions<SweeperOptions>().Bind(builder.Configuration.GetSection(SweeperOptions.Section));
        builder.Services.AddGradingServices();
        builder.Services.AddHostedService<QueuedSubmissionSweeper>();
        builder.Services.AddOptions<RegradeOptions>().Bind(builder.Configuration.GetSection(RegradeOptions.Section));
        builder.Services.AddRegradeServices();
        // Give in-flight grades time to commit and acknowledge on Ctrl-C or SIGTERM.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>The services the consumers and the sweeper use; also what the consumer tests register.</summary>
    public static IServiceCollection AddGradingServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SubmissionGrader>();
        return services;
    }
}
