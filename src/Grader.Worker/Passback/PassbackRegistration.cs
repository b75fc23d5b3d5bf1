using Grader.ServiceDefaults.Settings;

namespace Grader.Worker.Passback;

/// <summary>Registers grade passback: its options, the sender's HTTP client and the dispatcher.</summary>
public static class PassbackRegistration
{
    public static IHostApplicationBuilder AddGradePassback(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PassbackOptions.Section);
        // A source with a callback URL but no secret would otherwise be left out of Callbacks, its grades never sent.
        builder.Services.AddOptions<PassbackOptions>().Bind(section).ValidateSettings(PassbackOptions.Rules);

        // Which sources' grades are stored as events is registered for both hosts by AddGraderDatabase (GradeEventSourcesSetup).
        var configured = section.Get<PassbackOptions>() ?? new PassbackOptions();
        builder.Services.AddSingleton(provider => new GradeEventSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                // A bad timeout is left to the validation on start, which names the key (HttpClient would throw here without it).
                Timeout = configured.Delivery.Timeout > TimeSpan.Zero ? configured.Delivery.Timeout : Timeout.InfiniteTimeSpan,
            },
            provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<GradeEventDispatcher>();
        return builder;
    }
}
