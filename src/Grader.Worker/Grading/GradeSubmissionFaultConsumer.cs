using Grader.Contracts;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>
/// When retries are exhausted (or the failure was not transient) the submission is marked failed with the reason, unless
/// the database was unavailable: then it is sent to the queue again, to be graded once the database is back.
/// </summary>
/// <remarks>
/// A <see cref="GradeSubmissions"/> that faulted on the database is sent again whole (its graded ids are graded already
/// when it comes back). One that faulted on anything else names several submissions, and the error need not be any one's:
/// each is sent again on its own, as a <see cref="GradeSubmission"/>, so that each is graded, or fails with its own reason,
/// alone.
/// </remarks>
public sealed class GradeSubmissionFaultConsumer(SubmissionGrader grader, ILogger<GradeSubmissionFaultConsumer> logger)
    : IConsumer<Fault<GradeSubmission>>, IConsumer<Fault<GradeSubmissions>>
{
    public async Task Consume(ConsumeContext<Fault<GradeSubmission>> context)
    {
        var submissionId = context.Message.Message.SubmissionId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = submissionId });
        if (DatabaseWasUnavailable(context.Message))
        {
            // The database cannot record anything now, and the sweeper would not see a submission left 'grading' for
            // many minutes: the queue keeps it. Each round trip spends the retries again, which paces the loop.
            await SendAsync(context, new GradeSubmission(submissionId));
            logger.LogWarning("Submission {SubmissionId} sent again: the database stayed unavailable beyond the retries", submissionId);
            return;
        }

        await grader.MarkFailedAsync(submissionId, Reason(context.Message), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<Fault<GradeSubmissions>> context)
    {
        var ids = GradableIds.Of(context.Message.Message, context.Message.FaultedMessageId, logger);
        if (ids.Count == 0)
        {
            return;
        }

        if (DatabaseWasUnavailable(context.Message))
        {
            await SendAsync(context, new GradeSubmissions(ids));
            logger.LogWarning("{Count} submissions (first {SubmissionId}) sent again: the database stayed unavailable beyond the retries",
                ids.Count, ids[0]);
            return;
        }

        if (ids.Count == 1)
        {
            await grader.MarkFailedAsync(ids[0], Reason(context.Message), context.CancellationToken);
            return;
        }

        var queue = await context.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
        await Task.WhenAll(ids.Select(id => queue.Send(new GradeSubmission(id), context.CancellationToken)));
        logger.LogWarning("A message of {Count} submissions (first {SubmissionId}) faulted: {Reason}; each sent again on its own",
            ids.Count, ids[0], Reason(context.Message));
    }

    private static bool DatabaseWasUnavailable<T>(Fault<T> fault) =>
        fault.Exceptions.Any(e => e.ExceptionType == DatabaseUnavailableException.TypeName);

    private static async Task SendAsync<T>(ConsumeContext context, T message)
        where T : class
    {
        var queue = await context.GetSendEndpoint(QueueNames.GradeSubmissionAddress);
        await queue.Send(message, context.CancellationToken);
    }

    private static string Reason<T>(Fault<T> fault) => string.Join(" | ", fault.Exceptions.Select(FailureReason.Of));
}
