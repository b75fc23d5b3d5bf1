using System.Globalization;
using Grader.Data.Passback;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.ServiceDefaults.Health;

/// <summary>
/// An LMS passback backlog in <c>/health/ready</c>'s detail (the webhook events', the LTI Score posts'): pending ones, the
/// oldest one's age, dead ones. Always healthy: an LMS that is down must not take Grader out of its load balancer (the
/// postgres check covers the database).
/// </summary>
internal sealed class DeliveryBacklogCheck(Func<CancellationToken, Task<GradeEventBacklog>> readBacklog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var backlog = await readBacklog(cancellationToken);
            var oldest = backlog.OldestPendingAge is { } age ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalSeconds:0} s") : "none";
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture,
                $"pending {backlog.Pending}, oldest pending {oldest}, dead {backlog.Dead}"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Healthy($"backlog unknown: {exception.GetType().Name}");
        }
    }
}
