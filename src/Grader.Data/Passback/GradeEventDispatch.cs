using Grader.Data.Entities;
using Grader.Data.Outbox;
using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Passback;

/// <summary>
/// What a dispatcher does with <c>grade_events</c>: claim due events of one source (a lease, so several workers share the
/// work and a dead one's claims come back), then record each send's outcome. The SQL is <see cref="OutboxTable"/>'s,
/// shared with LTI Score posts.
/// </summary>
public sealed class GradeEventDispatch(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due events of <paramref name="source"/>, each the earliest pending event of its
    /// submission (so a later revision never overtakes an earlier one), and leases them for <paramref name="lease"/>.
    /// </summary>
    public async Task<List<ClaimedGradeEvent>> ClaimAsync(string source, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = OutboxTable.GradeEvents.ClaimCommand(dataSource, source, limit, lease, """
            select c.seq, c.id, c.type, c.occurred_at, c.revision, c.attempts,
                   s.id as submission_id, s.source, s.external_id, s.course, s.assignment, s.student_id, s.problem_id,
                   r.score, r.max_score, r.parts::text as parts
            from claimed c
            join submissions s on s.id = c.submission_id
            left join results r on r.id = c.result_id
            order by c.seq
            """);
        return await SqlCommands.ListAsync(command, reader => new ClaimedGradeEvent(
            reader.Get<long>("seq"), reader.Get<Guid>("id"), reader.Get<string>("type"), reader.Get<DateTimeOffset>("occurred_at"),
            reader.Get<int>("revision"), reader.Get<int>("attempts"),
            new SubmissionIdentity(reader.Get<Guid>("submission_id"), reader.Get<string>("source"), reader.Get<string>("external_id"),
                reader.Get<string>("course"), reader.Get<string>("assignment"), reader.Get<string>("student_id"),
                reader.Get<string>("problem_id")),
            reader.Value<double>("score"), reader.Value<double>("max_score"), reader.Text("parts")), cancellationToken);
    }

    public Task MarkDeliveredAsync(long seq, CancellationToken cancellationToken) =>
        OutboxTable.GradeEvents.MarkDeliveredAsync(dataSource, seq, cancellationToken);

    /// <summary>
    /// Records a failed send: retried after <paramref name="delay"/>, or dead when that retry would fall outside the
    /// retry window (<paramref name="maxAge"/> from the insert or the last redelivery).
    /// </summary>
    /// <returns>Whether the event is dead now.</returns>
    public Task<bool> MarkFailedAttemptAsync(long seq, string error, TimeSpan delay, TimeSpan maxAge, CancellationToken cancellationToken) =>
        OutboxTable.GradeEvents.MarkFailedAttemptAsync(dataSource, seq, error, delay, maxAge, cancellationToken);
}
