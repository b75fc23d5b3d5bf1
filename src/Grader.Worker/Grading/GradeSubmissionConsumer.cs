using System.Diagnostics;
using Grader.Contracts;
using Grader.Data;
using Grader.ServiceDefaults.Telemetry;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>Grades one submission, then announces the committed grade. The message is acknowledged after both.</summary>
public sealed class GradeSubmissionConsumer(SubmissionGrader grader, GraderMetrics metrics, ILogger<GradeSubmissionConsumer> logger)
    : IConsumer<GradeSubmission>
{
    public async Task Consume(ConsumeContext<GradeSubmission> context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = context.Message.SubmissionId });
        SubmissionGraded? graded;
        var started = Stopwatch.GetTimestamp();
        try
        {
            graded = await grader.GradeAsync(context.Message.SubmissionId, context.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempt()),
                context.CancellationToken);
            metrics.RecordGrade(Stopwatch.GetElapsedTime(started), graded is null ? "not-graded" : "graded");
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            metrics.RecordGrade(Stopwatch.GetElapsedTime(started), "error");
            // Named, so that the fault consumer can tell an outage (send again) from a broken submission (fail it).
            throw new DatabaseUnavailableException($"grading submission {context.Message.SubmissionId}", exception);
        }

        if (graded is not null)
        {
            await context.Publish(graded, context.CancellationToken);
        }
    }
}
