using Grader.Data.Passback;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grader.Worker.Passback;

/// <summary>Registers grade passback: the sources that get events, the sender's HTTP client and the dispatcher.</summary>
public static class PassbackRegistration
{
    public static IHostApplicationBuilder AddGradePassback(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PassbackOptions.Section);
        builder.Services.AddOptions<PassbackOptions>().Bind(section)
            .Validate(o => o.Callbacks.All(c => Uri.TryCreate(c.Value.CallbackUrl, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)), "Webhooks:Sources:<source>:CallbackUrl must be an absolute http(s) URL")
            .ValidateOnStart();

        // Read once at start: which sources' grades are stored as events is decided in the grade's transaction.
        var configured = section.Get<PassbackOptions>() ?? new PassbackOptions();
        builder.Services.Replace(ServiceDescriptor.Singleton(new GradeEventSources(configured.Callbacks.Select(c => c.Key))));
        builder.Services.AddSingleton(provider => new GradeEventSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = configured.Delivery.Timeout,
            },
            provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<GradeEventDispatcher>();
        return builder;
    }
}
