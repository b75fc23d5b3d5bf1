using Grader.Contracts;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>
/// When retries are exhausted (or the failure was not transient) the submission is marked failed with the reason, unless
/// the database was unavailable: then it is sent to the queue again, to be graded once the database is back.
/// </summary>
public sealed class GradeSubmissionFaultConsumer(SubmissionGrader grader, ILogger<GradeSubmissionFaultConsumer> logger)
    : IConsumer<Fault<GradeSubmission>>
{
    public async Task Consume(ConsumeContext<Fault<GradeSubmission>> context)
    {
        var submissionId = context.Message.Message.SubmissionId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = submissionId });
        if (context.Message.Exceptions.Any(e => e.ExceptionType == DatabaseUnavailableException.TypeName))
        {
            // The database cannot record anything now, and the sweeper would not see a submission left 'grading' for
            // many minutes: the queue keeps it. Each round trip spends the retries again, which paces the loop.
            var queue = await context.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
            await queue.Send(new GradeSubmission(submissionId), context.CancellationToken);
            logger.LogWarning("Submission {SubmissionId} sent again: the database stayed unavailable beyond the retries", submissionId);
            return;
        }

        var reason = string.Join(" | ", context.Message.Exceptions.Select(Describe));
        await grader.MarkFailedAsync(submissionId, reason, context.CancellationToken);
    }

    // The useful words are often in the inner exception (EF wraps the PostgreSQL error).
    private static string Describe(ExceptionInfo exception) => exception.InnerException is null
        ? $"{exception.ExceptionType}: {exception.Message}"
        : $"{exception.ExceptionType}: {exception.Message} -> {Describe(exception.InnerException)}";
}
