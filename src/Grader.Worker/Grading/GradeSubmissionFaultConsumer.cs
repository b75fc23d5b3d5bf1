using Grader.Contracts;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>When retries are exhausted (or the failure was not transient) the submission is marked failed with the reason.</summary>
public sealed class GradeSubmissionFaultConsumer(SubmissionFailures failures, ILogger<GradeSubmissionFaultConsumer> logger)
    : IConsumer<Fault<GradeSubmission>>
{
    public async Task Consume(ConsumeContext<Fault<GradeSubmission>> context)
    {
        var submissionId = context.Message.Message.SubmissionId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = submissionId });
        var reason = string.Join(" <- ", context.Message.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
        await failures.MarkFailedAsync(submissionId, reason, context.CancellationToken);
    }
}
