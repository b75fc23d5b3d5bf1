using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>The grading consumers, shared by the worker process and the consumer tests.</summary>
public static class ConsumerRegistration
{
    /// <param name="bus">The bus being configured.</param>
    /// <param name="batched">Grade deliveries in batches (<see cref="GradeSubmissionBatchConsumer"/>); else one at a time.</param>
    public static void AddGradingConsumers(this IBusRegistrationConfigurator bus, bool batched = true)
    {
        if (batched)
        {
            bus.AddConsumer<GradeSubmissionBatchConsumer, GradeSubmissionBatchConsumerDefinition>();
        }
        else
        {
            bus.AddConsumer<GradeSubmissionConsumer, GradeSubmissionConsumerDefinition>();
        }

        bus.AddConsumer<GradeSubmissionFaultConsumer>();
    }
}
