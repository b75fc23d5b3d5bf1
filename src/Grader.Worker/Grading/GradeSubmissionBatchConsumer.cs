using System.Diagnostics;
using Grader.Contracts;
using Grader.Data;
using Grader.ServiceDefaults.Telemetry;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades the submissions of a batch of deliveries together, then announces each committed grade through its own
/// delivery. The deliveries are acknowledged after both; a batch that throws is acknowledged for none of them.
/// </summary>
/// <remarks>
/// A transient database error fails the batch as <see cref="DatabaseUnavailableException"/>, which the queue's retry
/// tries again (MassTransit delivers each retried message at once, in a batch of its own). Any other error in a batch of
/// several becomes <see cref="GradeBatchFailedException"/>, retried the same way, so that a submission that breaks the
/// batch's write fails alone, as a single message does, and the others are graded once.
/// </remarks>
public sealed class GradeSubmissionBatchConsumer(BatchGrader grader, GraderMetrics metrics) : IConsumer<Batch<GradeSubmission>>
{
    public async Task Consume(ConsumeContext<Batch<GradeSubmission>> context)
    {
        var messages = context.Message;
        var deliveries = messages
            .Select(m => new GradeDelivery(m.Message.SubmissionId, m.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempt())))
            .ToList();
        var started = Stopwatch.GetTimestamp();
        IReadOnlyDictionary<Guid, SubmissionGraded?> graded;
        try
        {
            graded = await grader.GradeAsync(deliveries, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Record(Stopwatch.GetElapsedTime(started), "error", messages.Length);
            if (TransientFailures.IsTransient(exception))
            {
                // Named, so that the fault consumer can tell an outage (send again) from a broken submission (fail it).
                throw new DatabaseUnavailableException($"grading a batch of {messages.Length} submissions", exception);
            }

            if (messages.Length > 1)
            {
                throw new GradeBatchFailedException(messages.Length, exception);
            }

            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var message in messages)
        {
            var announcement = graded.GetValueOrDefault(message.Message.SubmissionId);
            metrics.RecordGrade(elapsed, announcement is null ? "not-graded" : "graded");
            if (announcement is not null)
            {
                await message.Publish(announcement, context.CancellationToken);
            }
        }
    }

    private void Record(TimeSpan elapsed, string outcome, int count)
    {
        for (var i = 0; i < count; i++)
        {
            metrics.RecordGrade(elapsed, outcome);
        }
    }
}
