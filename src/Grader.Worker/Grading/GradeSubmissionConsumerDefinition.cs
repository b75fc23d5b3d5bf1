using Grader.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// The worker queue: concurrency and prefetch from configuration, exponential retry while the database is unavailable
/// only. Anything else faults at once; <see cref="GradeSubmissionFaultConsumer"/> records why, or sends the submission
/// again when the database stayed away longer than the retries.
/// </summary>
public sealed class GradeSubmissionConsumerDefinition : ConsumerDefinition<GradeSubmissionConsumer>
{
    private readonly WorkerOptions _options;

    public GradeSubmissionConsumerDefinition(IOptions<WorkerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.GradeSubmission;
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GradeSubmissionConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.PrefetchCount;
        endpointConfigurator.UseTransientRetry(_options);
    }
}
