using Grader.Contracts;
using Grader.ServiceDefaults;
using Grader.Worker.Grading;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Regrading;

/// <summary>
/// The regrade queue: its own concurrency and prefetch (<c>Regrade__*</c>), the grading queue's retry of transient
/// failures (a deadlock between two jobs over one submission is one). Anything else faults the batch; a batch whose
/// retries ran out because the database stayed unavailable is sent again by <see cref="RegradeBatchFaultConsumer"/>.
/// </summary>
public sealed class RegradeBatchConsumerDefinition : ConsumerDefinition<RegradeBatchConsumer>
{
    private readonly RegradeOptions _options;
    private readonly WorkerOptions _retry;

    public RegradeBatchConsumerDefinition(IOptions<RegradeOptions> options, IOptions<WorkerOptions> retry)
    {
        _options = options.Value;
        _retry = retry.Value;
        EndpointName = QueueNames.RegradeBatch;
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RegradeBatchConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.PrefetchCount;
        endpointConfigurator.UseTransientRetry(_retry);
    }
}
