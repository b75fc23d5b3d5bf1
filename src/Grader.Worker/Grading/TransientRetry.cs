using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>
/// The retry both queues share: exponential, <c>Worker__Retry*</c>, and only while the database is unavailable; anything
/// else faults at once, since no retry can fix it.
/// </summary>
internal static class TransientRetry
{
    public static void UseTransientRetry(this IReceiveEndpointConfigurator endpoint, WorkerOptions options) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
            retry.Handle<DatabaseUnavailableException>();
        });
}
