using Microsoft.Extensions.Options;

namespace Grader.Api.Submissions;

/// <summary>
/// Says at start which webhook sources are bound to no course: each may post into every course, which is the
/// single-LMS default but lets one LMS write into another's courses when several share a Grader.
/// </summary>
public sealed class SourceCourseWarning(IOptionsMonitor<WebhookOptions> options, ILogger<SourceCourseWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var source in options.CurrentValue.Sources.Where(s => s.Value.Courses.Count == 0).Select(s => s.Key))
        {
            logger.LogWarning(
                "Webhook source {Source} is bound to no course and may post into any; set Webhooks__Sources__{Source}__Courses__0=<course> to bind it",
                source, source);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
