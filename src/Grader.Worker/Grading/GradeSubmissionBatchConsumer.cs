using System.Diagnostics;
using Grader.Contracts;
using Grader.Data;
using Grader.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades the submissions of a batch of deliveries together, then announces each committed grade through the delivery
/// that named it. The deliveries are acknowledged after both; a batch that throws is acknowledged for none of them. A
/// delivery is a <see cref="GradeSubmission"/> (one id: the fault consumer's, an older API's or sweeper's) or a
/// <see cref="GradeSubmissions"/> (an intake commit's or a sweep's ids, taken as <see cref="GradableIds"/> reads them: each
/// once, so each is announced once); each kind comes in batches of its own.
/// </summary>
/// <remarks>
/// The batch's distinct submissions are claimed and committed in chunks of at most <c>Worker:BatchMessageLimit</c>, so
/// a batch of multi-id messages writes no larger transactions than a batch of single ones; a chunk committed before a
/// later one failed or the worker died is graded already when the deliveries come again (the claim is idempotent).
/// A transient database error fails the batch as <see cref="DatabaseUnavailableException"/>, which the queue's retry tries
/// again, as for a single grade. Any other error fails a lone submission as before (its fault marks it failed); in a
/// chunk of several, the submissions are graded again one at a time, so that one submission that breaks the chunk's
/// write fails alone (marked failed with the reason its fault would record) and the others are graded once.
/// </remarks>
public sealed class GradeSubmissionBatchConsumer(
    BatchGrader grader, SubmissionGrader single, GraderMetrics metrics, IOptions<WorkerOptions> options,
    ILogger<GradeSubmissionBatchConsumer> logger)
    : IConsumer<Batch<GradeSubmission>>, IConsumer<Batch<GradeSubmissions>>
{
    public Task Consume(ConsumeContext<Batch<GradeSubmission>> context) => GradeAsync(
        [.. context.Message.Select(m => new Named(m, new GradeDelivery(m.Message.SubmissionId,
            m.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempt()))))],
        context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<GradeSubmissions>> context) => GradeAsync(
        [.. context.Message.SelectMany(m =>
        {
            // Kept on the delivery's ReceiveContext, as DeliveryAttempt is, so that in-process retries share it.
            var attempts = m.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempts());
            return GradableIds.Of(m.Message, m.MessageId, logger).Select(id => new Named(m, new GradeDelivery(id, attempts.For(id))));
        })],
        context.CancellationToken);

    private async Task GradeAsync(List<Named> named, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var graded = new Dictionary<Guid, SubmissionGraded?>();
        try
        {
            // Every delivery of one submission in the same chunk: the grader counts them as one start.
            foreach (var chunk in named.GroupBy(n => n.Delivery.SubmissionId).Chunk(Math.Max(1, options.Value.BatchMessageLimit)))
            {
                var deliveries = chunk.SelectMany(same => same.Select(n => n.Delivery)).ToList();
                foreach (var (id, announcement) in await GradeChunkAsync(deliveries, chunk.Length, cancellationToken))
                {
                    graded[id] = announcement;
                }
            }
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            Record(Stopwatch.GetElapsedTime(started), "error", named.Count);
            // Named, so that the fault consumer can tell an outage (send again) from a broken submission (fail it).
            throw new DatabaseUnavailableException($"grading a batch of {named.Count} submissions", exception);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var publishes = new List<Task>(named.Count);
        foreach (var (context, delivery) in named)
        {
            var announcement = graded.GetValueOrDefault(delivery.SubmissionId);
            metrics.RecordGrade(elapsed, announcement is null ? "not-graded" : "graded");
            if (announcement is not null)
            {
                publishes.Add(context.Publish(announcement, cancellationToken));
            }
        }

        // The batch's announcements go out together and their confirms are awaited together (one after another, a batch
        // of 32 waited for 32 confirms in turn); the deliveries are still acknowledged only once every one is confirmed.
        await Task.WhenAll(publishes);
    }

    private async Task<IReadOnlyDictionary<Guid, SubmissionGraded?>> GradeChunkAsync(List<GradeDelivery> deliveries, int distinct,
        CancellationToken cancellationToken)
    {
        try
        {
            return await grader.GradeAsync(deliveries, cancellationToken);
        }
        catch (Exception exception) when (IsBroken(exception) && distinct > 1)
        {
            logger.LogWarning(exception, "A batch of {Count} grades failed; grading its submissions one at a time", deliveries.Count);
            return await OneAtATimeAsync(deliveries, cancellationToken);
        }
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
                await single.MarkFailedAsync(same.Key, FailureReason.Of(exception), cancellationToken);
                graded[same.Key] = null;
            }
        }

        return graded;
    }

    /// <summary>An error no retry fixes (not the database being unavailable, not a shutdown).</summary>
    private static bool IsBroken(Exception exception) =>
        exception is not OperationCanceledException && !TransientFailures.IsTransient(exception);

    private void Record(TimeSpan elapsed, string outcome, int count)
    {
        for (var i = 0; i < count; i++)
        {
            metrics.RecordGrade(elapsed, outcome);
        }
    }

    /// <summary>One submission a delivery names, and that delivery's context (its announcement goes out through it).</summary>
    private sealed record Named(ConsumeContext Context, GradeDelivery Delivery);
}
