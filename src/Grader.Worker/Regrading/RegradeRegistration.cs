using MassTransit;

namespace Grader.Worker.Regrading;

/// <summary>The regrade consumer and the services it and the sweeper use.</summary>
public static class RegradeRegistration
{
    public static void AddRegradeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RegradeBatchConsumer, RegradeBatchConsumerDefinition>();
        bus.AddConsumer<RegradeBatchFaultConsumer>();
    }

    public static IServiceCollection AddRegradeServices(this IServiceCollection services)
    {
        services.AddScoped<RegradeBatchProcessor>();
        services.AddHostedService<RegradeBatchSweeper>();
        return services;
    }
}
