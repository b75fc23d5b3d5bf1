using Grader.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// The worker queue with batches: up to <c>Worker:BatchMessageLimit</c> deliveries a batch, closed
/// <c>Worker:BatchTimeLimit</c> after its latest (or first: <c>Worker:BatchTimeLimitStart</c>) delivery,
/// <c>Worker:BatchConcurrencyLimit</c> batches at once; prefetch what those batches hold and two batches more
/// (<see cref="WorkerOptions.BatchPrefetch"/>). The retry is the per-message queue's.
/// </summary>
public sealed class GradeSubmissionBatchConsumerDefinition : ConsumerDefinition<GradeSubmissionBatchConsumer>
{
    private readonly WorkerOptions _options;

    public GradeSubmissionBatchConsumerDefinition(IOptions<WorkerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.GradeSubmission;
        ConcurrentMessageLimit = _options.BatchMessageLimit * _options.BatchConcurrencyLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GradeSubmissionBatchConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.BatchPrefetch;
        endpointConfigurator.UseTransientRetry(_options);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.BatchMessageLimit)
            .SetTimeLimit(_options.BatchTimeLimit)
            .SetTimeLimitStart(_options.BatchTimeLimitStart)
            .SetConcurrencyLimit(_options.BatchConcurrencyLimit));
    }
}
