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
        var reason = string.Join(" | ", context.Message.Exceptions.Select(Describe));
        await failures.MarkFailedAsync(submissionId, reason, context.CancellationToken);
    }

    // The useful words are often in the inner exception (EF wraps the PostgreSQL error).
    private static string Describe(ExceptionInfo exception) => exception.InnerException is null
        ? $"{exception.ExceptionType}: {exception.Message}"
        : $"{exception.ExceptionType}: {exception.Message} -> {Describe(exception.InnerException)}";
}
