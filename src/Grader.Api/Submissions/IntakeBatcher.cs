using System.Threading.Channels;
using Grader.Data;
using Grader.Data.Entities;
using Grader.Data.Submissions;
using Microsoft.Extensions.Options;

namespace Grader.Api.Submissions;

/// <summary>
/// Group commit at intake. Webhooks queue their new submission here and wait; one writer loop takes whatever is queued
/// when its previous insert ends (no waiting for more: an idle API inserts a lone webhook at once), stores the lot with
/// one multi-row insert and one commit, answers each request once that commit is done, and sends the batch's new
/// submissions to the worker queue in one message (<see cref="Grader.Contracts.GradeSubmissions"/>; at most
/// <see cref="IntakeOptions.MaxBatch"/> ids, and <see cref="GradingQueue"/> splits past 256). Under load many webhooks
/// share a WAL flush instead of queueing for one each.
/// </summary>
public sealed class IntakeBatcher(SubmissionBatchInsert insert, GradingQueue queue, IOptions<IntakeOptions> options)
    : BackgroundService
{
    private readonly int _maxBatch = Math.Max(1, options.Value.MaxBatch);
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Deliveries queued for the next insert (the one running is not counted).</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>Stores <paramref name="submission"/> once per (source, externalId) and returns when that is committed.</summary>
    /// <exception cref="IntakeStoppedException">The API is stopping (a 503, as a database that is down).</exception>
    public async Task<IntakeOutcome> AcceptAsync(Submission submission, CancellationToken cancellationToken)
    {
        var pending = new Pending(submission, cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new IntakeStoppedException();
        }

        return await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(_maxBatch);
        // Not stoppingToken: at stop the writer is completed, and whatever was queued is still stored and answered.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Cancellation.IsCancellationRequested)
                {
                    pending.Outcome.TrySetCanceled(pending.Cancellation); // its request is gone: nothing stored for it
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await FlushAsync(batch);
                batch.Clear();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Never throws: a failure answers the requests of this flush (and only those) with the exception.</summary>
    private async Task FlushAsync(List<Pending> batch)
    {
        // The first delivery of each (source, externalId) goes into the insert; a repeat within the flush is answered as
        // a repeat once the first is committed, as a repeat arriving later would be.
        var firsts = batch.DistinctBy(p => (p.Submission.Source, p.Submission.ExternalId)).ToList();
        HashSet<Guid> inserted;
        try
        {
            inserted = await insert.InsertNewAsync([.. firsts.Select(p => p.Submission)], CancellationToken.None);
        }
        catch (Exception exception) when (firsts.Count > 1 && !TransientFailures.IsTransient(exception))
        {
            // A row PostgreSQL refuses must not fail the others that happened to arrive with it: each alone, so only
            // its own request gets the error it would have got on its own.
            await FlushOneByOneAsync(batch, firsts);
            return;
        }
        catch (Exception exception)
        {
            // The database is down or the connection broke: nothing of this flush was committed (one statement).
            Fail(batch, exception);
            return;
        }

        Answer(batch, inserted);
    }

    private async Task FlushOneByOneAsync(List<Pending> batch, List<Pending> firsts)
    {
        var inserted = new HashSet<Guid>();
        foreach (var first in firsts)
        {
            try
            {
                inserted.UnionWith(await insert.InsertNewAsync([first.Submission], CancellationToken.None));
            }
            catch (Exception exception)
            {
                Fail(batch.Where(p => SameDelivery(p, first)), exception);
            }
        }

        Answer(batch, inserted);
    }

    private void Answer(List<Pending> batch, HashSet<Guid> inserted)
    {
        List<Guid> created = [.. batch.Select(p => p.Submission.Id).Where(inserted.Contains)];
        // Off the writer loop: the next insert never waits on the broker (the send is bounded and never throws).
        var sent = created.Count == 0 ? Task.FromResult(true) : Task.Run(() => queue.EnqueueManyAsync(created, CancellationToken.None));
        foreach (var pending in batch)
        {
            pending.Outcome.TrySetResult(inserted.Contains(pending.Submission.Id) ? new IntakeOutcome(true, sent) : IntakeOutcome.Repeat);
        }
    }

    private static void Fail(IEnumerable<Pending> pendings, Exception exception)
    {
        foreach (var pending in pendings)
        {
            pending.Outcome.TrySetException(exception);
        }
    }

    private static bool SameDelivery(Pending a, Pending b) =>
        a.Submission.Source == b.Submission.Source && a.Submission.ExternalId == b.Submission.ExternalId;

    private sealed record Pending(Submission Submission, CancellationToken Cancellation)
    {
        public TaskCompletionSource<IntakeOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// A webhook that arrives while the API stops: a <see cref="TimeoutException"/>, so it is answered 503 with Retry-After
/// as when the database is unavailable, and the LMS delivers it again (to this API once restarted, or another).
/// </summary>
public sealed class IntakeStoppedException() : TimeoutException("The API is stopping; the submission was not stored.");
