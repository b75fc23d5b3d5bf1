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
/// A transient database error fails the batch as <see cref="DatabaseUnavailableException"/>, which the queue's retry tries
/// again, as for a single grade. Any other error fails a lone delivery as before (its fault marks it failed); in a batch
/// of several, the submissions are graded again one at a time, so that one submission that breaks the batch's write fails
/// alone (marked failed with the reason its fault would record) and the others are graded once.
/// </remarks>
public sealed class GradeSubmissionBatchConsumer(
    BatchGrader grader, SubmissionGrader single, GraderMetrics metrics, ILogger<GradeSubmissionBatchConsumer> logger)
    : IConsumer<Batch<GradeSubmission>>
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
            try
            {
                graded = await grader.GradeAsync(deliveries, context.CancellationToken);
            }
            catch (Exception exception) when (IsBroken(exception) && deliveries.DistinctBy(d => d.SubmissionId).Count() > 1)
            {
                logger.LogWarning(exception, "A batch of {Count} grades failed; grading its submissions one at a time", deliveries.Count);
                graded = await OneAtATimeAsync(deliveries, context.CancellationToken);
            }
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            Record(Stopwatch.GetElapsedTime(started), "error", messages.Length);
            // Named, so that the fault consumer can tell an outage (send again) from a broken submission (fail it).
            throw new DatabaseUnavailableException($"grading a batch of {messages.Length} submissions", exception);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var publishes = new List<Task>(messages.Length);
        foreach (var message in messages)
        {
            var announcement = graded.GetValueOrDefault(message.Message.SubmissionId);
            metrics.RecordGrade(elapsed, announcement is null ? "not-graded" : "graded");
            if (announcement is not null)
            {
                publishes.Add(message.Publish(announcement, context.CancellationToken));
            }
        }

        // The batch's announcements go out together and their confirms are awaited together (one after another, a batch
        // of 32 waited for 32 confirms in turn); the deliveries are still acknowledged only once every one is confirmed.
        await Task.WhenAll(publishes);
    }

    private async Task<Dictionary<Guid, SubmissionGraded?>> OneAtATimeAsync(List<GradeDelivery> deliveries, CancellationToken cancellationToken)
    {
        var graded = new Dictionary<Guid, SubmissionGraded?>();
        foreach (var same in deliveries.GroupBy(d => d.SubmissionId))
        {
            try
            {
                graded[same.Key] = (await grader.GradeAsync(same.ToList(), cancellationToken))[same.Key];
            }
            catch (Exception exception) when (IsBroken(exception))
            {
                // What the fault consumer would record had this delivery come alone; its batch's others go on.
                await single.MarkFailedAsync(same.Key, Describe(exception), cancellationToken);
                graded[same.Key] = null;
            }
        }

        return graded;
    }

    /// <summary>An error no retry fixes (not the database being unavailable, not a shutdown).</summary>
    private static bool IsBroken(Exception exception) =>
        exception is not OperationCanceledException && !TransientFailures.IsTransient(exception);

    private static string Describe(Exception exception) => exception.InnerException is null
        ? $"{exception.GetType().FullName}: {exception.Message}"
        : $"{exception.GetType().FullName}: {exception.Message} -> {Describe(exception.InnerException)}";

    private void Record(TimeSpan elapsed, string outcome, int count)
    {
        for (var i = 0; i < count; i++)
        {
            metrics.RecordGrade(elapsed, outcome);
        }
    }
}
