using Grader.Contracts;
using Grader.ServiceDefaults.Health;
using Grader.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;

namespace Grader.Worker.Telemetry;

/// <summary>
/// Reads how many messages wait in the grading and regrade queues (a passive declare: the broker's own count, no
/// message touched) every <see cref="TelemetryOptions.QueueDepthInterval"/> for the <c>grader.queue.depth</c> gauge.
/// </summary>
internal sealed class QueueDepthSampler(
    BrokerConnection broker, GraderMetrics metrics, IOptions<TelemetryOptions> options, ILogger<QueueDepthSampler> logger)
    : BackgroundService
{
    private static readonly string[] Queues = [QueueNames.GradeSubmission, QueueNames.RegradeBatch];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueDepthInterval);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in Queues)
        {
            try
            {
                var connection = await broker.GetAsync(cancellationToken);
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                metrics.SetQueueDepth(queue, declared.MessageCount);
            }
            catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
            {
                // Not declared yet (no worker has started its endpoint): nothing waits in it.
                metrics.SetQueueDepth(queue, 0);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The broker is down or recovering (whatever the client throws then): keep the last sample, readiness
                // reports the outage. A gauge must never stop the worker, so nothing here is rethrown.
                logger.LogDebug(exception, "Could not read the depth of {Queue}", queue);
            }
        }
    }
}
