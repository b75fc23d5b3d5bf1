using Grader.Data.Passback;
using Grader.ServiceDefaults.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Grader.ServiceDefaults;

/// <summary>
/// Which LMS sources get grade events, from <c>Webhooks:Sources:&lt;source&gt;</c> (a <c>CallbackUrl</c> and a <c>Secret</c>).
/// Both hosts register it: the worker stores events for first grades, failures and regrades, the API for staff grades
/// and rubric re-scores. The dispatcher (worker) applies the same rule to decide what it sends (PassbackOptions.Callbacks).
/// </summary>
public static class GradeEventSourcesSetup
{
    public const string Section = WebhookSourceRule.SourcesSection;

    public static IHostApplicationBuilder AddGradeEventSources(this IHostApplicationBuilder builder)
    {
        // Read from the built configuration (not the builder's), so settings a host or test adds late are seen too.
        builder.Services.Replace(ServiceDescriptor.Singleton(provider => FromConfiguration(provider.GetRequiredService<IConfiguration>())));
        return builder;
    }

    public static GradeEventSources FromConfiguration(IConfiguration configuration) => new(configuration.GetSection(Section)
        .GetChildren()
        .Where(source => WebhookSourceRule.SendsGrades(source["CallbackUrl"], source["Secret"]))
        .Select(source => source.Key));
}
