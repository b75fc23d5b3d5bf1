using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grader.ServiceDefaults;

/// <summary>MassTransit on RabbitMQ, configured the same way by the API and the worker.</summary>
public static class MessagingSetup
{
    public static IHostApplicationBuilder AddGraderMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                var rabbit = context.GetRequiredService<IConfiguration>().GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>()
                    ?? new RabbitMqOptions();
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                {
                    host.Username(rabbit.Username);
                    host.Password(rabbit.Password);
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // Start without waiting for the broker: a submission accepted while it is down is swept up later.
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
