using Grader.ServiceDefaults.Settings;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grader.ServiceDefaults;

/// <summary>MassTransit on RabbitMQ, configured the same way by the API and the worker.</summary>
public static class MessagingSetup
{
    public static IHostApplicationBuilder AddGraderMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        builder.Services.AddOptions<RabbitMqOptions>().Bind(builder.Configuration.GetSection(RabbitMqOptions.Section))
            .ValidateSettings(RabbitMqOptions.Rules);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                var rabbit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
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
