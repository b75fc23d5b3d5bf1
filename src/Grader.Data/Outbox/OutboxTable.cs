using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Outbox;

/// <summary>
/// The claim and outcome SQL shared by the two outboxes (<c>grade_events</c> and <c>lti_score_posts</c>), which have the
/// same delivery columns (seq, source, submission_id, state, attempts, next_attempt_at, last_attempt_at, retry_from,
/// delivered_at, last_error). Times are the database's clock, shared by every worker.
/// </summary>
internal sealed class OutboxTable
{
    private const int MaxErrorLength = 2000;

    public static readonly OutboxTable GradeEvents = new("grade_events");
    public static readonly OutboxTable LtiScorePosts = new("lti_score_posts");

    // Only the two fixed instances above exist, so the name spliced into SQL is never input.
    private OutboxTable(string name) => Name = name;

    public string Name { get; }

    /// <summary>
    /// A command that claims up to <c>$2</c> due rows of source <c>$1</c>, each the earliest pending row of its submission
    /// (so a later revision never overtakes an earlier one), leases them for <c>$3</c> and counts the attempt; the claimed
    /// rows are the CTE <c>claimed</c>, which <paramref name="select"/> reads (its own joins and order).
    /// </summary>
    public NpgsqlCommand ClaimCommand(NpgsqlDataSource dataSource, string source, int limit, TimeSpan lease, string select) =>
        SqlCommands.Create(dataSource, $"""
            with due as (
                select e.seq from {Name} e
                where e.source = $1 and e.state = 'pending' and e.next_attempt_at <= now()
                  and not exists (select 1 from {Name} p
                                  where p.submission_id = e.submission_id and p.state = 'pending' and p.seq < e.seq)
                order by e.next_attempt_at, e.seq
                limit $2
                for update skip locked),
            claimed as (
                update {Name} e set next_attempt_at = now() + $3, attempts = e.attempts + 1, last_attempt_at = now()
                from due where e.seq = due.seq
                returning e.*)
            {select}
            """, source, limit, lease);

    /// <summary>Records a successful send (a row no longer pending, e.g. cancelled meanwhile, is left as it is).</summary>
    public async Task MarkDeliveredAsync(NpgsqlDataSource dataSource, long seq, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            $"update {Name} set state = 'delivered', delivered_at = now(), last_error = null where seq = $1 and state = 'pending'", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a failed send: retried after <paramref name="delay"/>, or dead when that retry would fall outside the
    /// retry window (<paramref name="maxAge"/> from the insert or the last redelivery).
    /// </summary>
    /// <returns>Whether the row is dead now.</returns>
    public async Task<bool> MarkFailedAttemptAsync(
        NpgsqlDataSource dataSource, long seq, string error, TimeSpan delay, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, $"""
            update {Name}
            set state = case when now() + $3 > retry_from + $4 then 'dead' else 'pending' end,
                next_attempt_at = now() + $3, last_error = $2
            where seq = $1 and state = 'pending'
            returning state
            """, seq, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, delay, maxAge);
        return await command.ExecuteScalarAsync(cancellationToken) as string == "dead";
    }
}
