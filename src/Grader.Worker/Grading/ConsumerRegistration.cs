using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>The grading consumers, shared by the worker process and the consumer tests.</summary>
public static class ConsumerRegistration
{
    public static void AddGradingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GradeSubmissionConsumer, GradeSubmissionConsumerDefinition>();
        bus.AddConsumer<GradeSubmissionFaultConsumer>();
    }
}
