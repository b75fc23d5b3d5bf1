using Grader.Data.Entities;
using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Passback;

/// <summary>
/// What a dispatcher does with <c>grade_events</c>: claim due events of one source (a lease, so several workers share the
/// work and a dead one's claims come back), then record each send's outcome. Times are the database's clock, shared by
/// every worker.
/// </summary>
public sealed class GradeEventDispatch(NpgsqlDataSource dataSource)
{
    private const int MaxErrorLength = 2000;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due events of <paramref name="source"/>, each the earliest pending event of its
    /// submission (so a later revision never overtakes an earlier one), and leases them for <paramref name="lease"/>.
    /// </summary>
    public async Task<List<ClaimedGradeEvent>> ClaimAsync(string source, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            with due as (
                select e.seq from grade_events e
                where e.source = $1 and e.state = 'pending' and e.next_attempt_at <= now()
                  and not exists (select 1 from grade_events p
                                  where p.submission_id = e.submission_id and p.state = 'pending' and p.seq < e.seq)
                order by e.next_attempt_at, e.seq
                limit $2
                for update skip locked),
            claimed as (
                update grade_events e set next_attempt_at = now() + $3, attempts = e.attempts + 1, last_attempt_at = now()
                from due where e.seq = due.seq
                returning e.*)
            select c.seq, c.id, c.type, c.occurred_at, c.revision, c.attempts,
                   s.id as submission_id, s.source, s.external_id, s.course, s.assignment, s.student_id, s.problem_id,
                   r.score, r.max_score, r.parts::text as parts
            from claimed c
            join submissions s on s.id = c.submission_id
            left join results r on r.id = c.result_id
            order by c.seq
            """, source, limit, lease);
        return await SqlCommands.ListAsync(command, reader => new ClaimedGradeEvent(
            reader.Get<long>("seq"), reader.Get<Guid>("id"), reader.Get<string>("type"), reader.Get<DateTimeOffset>("occurred_at"),
            reader.Get<int>("revision"), reader.Get<int>("attempts"),
            new SubmissionIdentity(reader.Get<Guid>("submission_id"), reader.Get<string>("source"), reader.Get<string>("external_id"),
                reader.Get<string>("course"), reader.Get<string>("assignment"), reader.Get<string>("student_id"),
                reader.Get<string>("problem_id")),
            reader.Value<double>("score"), reader.Value<double>("max_score"), reader.Text("parts")), cancellationToken);
    }

    public async Task MarkDeliveredAsync(long seq, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update grade_events set state = 'delivered', delivered_at = now(), last_error = null where seq = $1 and state = 'pending'", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a failed send: retried after <paramref name="delay"/>, or dead when that retry would fall outside the
    /// retry window (<paramref name="maxAge"/> from the insert or the last redelivery).
    /// </summary>
    /// <returns>Whether the event is dead now.</returns>
    public async Task<bool> MarkFailedAttemptAsync(long seq, string error, TimeSpan delay, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            update grade_events
            set state = case when now() + $3 > retry_from + $4 then 'dead' else 'pending' end,
                next_attempt_at = now() + $3, last_error = $2
            where seq = $1 and state = 'pending'
            returning state
            """, seq, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, delay, maxAge);
        return await command.ExecuteScalarAsync(cancellationToken) as string == GradeEventStates.Dead;
    }
}
