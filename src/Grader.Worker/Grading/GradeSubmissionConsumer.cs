using System.Diagnostics;
using Grader.Contracts;
using Grader.Data;
using Grader.ServiceDefaults.Telemetry;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades one submission, then announces the committed grade. The message is acknowledged after both. A
/// <see cref="GradeSubmissions"/> is graded the same way, one id after another, and acknowledged after the last.
/// </summary>
public sealed class GradeSubmissionConsumer(SubmissionGrader grader, GraderMetrics metrics, ILogger<GradeSubmissionConsumer> logger)
    : IConsumer<GradeSubmission>, IConsumer<GradeSubmissions>
{
    public async Task Consume(ConsumeContext<GradeSubmission> context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = context.Message.SubmissionId });
        var graded = await GradeAsync(context, context.Message.SubmissionId, context.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempt()));
        if (graded is not null)
        {
            await context.Publish(graded, context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<GradeSubmissions> context)
    {
        var attempts = context.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempts());
        foreach (var id in GradableIds.Of(context.Message, context.MessageId, logger))
        {
            SubmissionGraded? graded;
            try
            {
                graded = await GradeAsync(context, id, attempts.For(id));
            }
            catch (Exception exception) when (exception is not DatabaseUnavailableException and not OperationCanceledException)
            {
                // What the fault consumer records for a lone delivery: this submission fails, the message's others go on.
                await grader.MarkFailedAsync(id, FailureReason.Of(exception), context.CancellationToken);
                continue;
            }

            if (graded is not null)
            {
                await context.Publish(graded, context.CancellationToken);
            }
        }
    }

    private async Task<SubmissionGraded?> GradeAsync(ConsumeContext context, Guid submissionId, DeliveryAttempt attempt)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var graded = await grader.GradeAsync(submissionId, attempt, context.CancellationToken);
            metrics.RecordGrade(Stopwatch.GetElapsedTime(started), graded is null ? "not-graded" : "graded");
            return graded;
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            metrics.RecordGrade(Stopwatch.GetElapsedTime(started), "error");
            // Named, so that the fault consumer can tell an outage (send again) from a broken submission (fail it).
            throw new DatabaseUnavailableException($"grading submission {submissionId}", exception);
        }
    }
}
