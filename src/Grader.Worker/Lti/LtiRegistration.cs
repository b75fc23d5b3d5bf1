using Grader.ServiceDefaults.Settings;

namespace Grader.Worker.Lti;

/// <summary>Registers LTI AGS passback: settings, the token cache, the Score sender (one bounded HTTP client) and the dispatcher.</summary>
public static class LtiRegistration
{
    public static IHostApplicationBuilder AddLtiPassback(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LtiOptions.Section);
        builder.Services.AddOptions<LtiOptions>().Bind(section).ValidateSettings(LtiOptions.Rules);
        var configured = section.Get<LtiOptions>() ?? new LtiOptions();
        // One client for token fetches and Score posts, each request bounded by Lti:Delivery:Timeout.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            // A bad timeout is left to the validation on start, which names the key (HttpClient would throw here without it).
            Timeout = configured.Delivery.Timeout > TimeSpan.Zero ? configured.Delivery.Timeout : Timeout.InfiniteTimeSpan,
        };
        builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<LtiAccessTokens>(provider, http));
        builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<LtiScoreSender>(provider, http));
        builder.Services.AddHostedService<LtiScoreDispatcher>();
        return builder;
    }
}
