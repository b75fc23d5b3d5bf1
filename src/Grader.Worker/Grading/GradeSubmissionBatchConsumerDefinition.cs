using Grader.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// The worker queue with batches: up to <c>Worker:BatchMessageLimit</c> deliveries a batch, waiting at most
/// <c>Worker:BatchTimeLimit</c> for a batch to fill, <c>Worker:BatchConcurrencyLimit</c> batches at once; prefetch at
/// least what those batches hold. The retry is the per-message queue's.
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
        endpointConfigurator.PrefetchCount = Math.Max(_options.PrefetchCount, _options.BatchMessageLimit * _options.BatchConcurrencyLimit);
        endpointConfigurator.UseTransientRetry(_options);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.BatchMessageLimit)
            .SetTimeLimit(_options.BatchTimeLimit)
            .SetConcurrencyLimit(_options.BatchConcurrencyLimit));
    }
}
