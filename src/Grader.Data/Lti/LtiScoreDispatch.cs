using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Lti;

/// <summary>
/// What the LTI dispatcher does with <c>lti_score_posts</c>, as <c>GradeEventDispatch</c> does with webhook events: claim
/// due posts of one platform under a lease (earliest pending per submission only, so revisions go out in order), then
/// record each post's outcome on the database's clock.
/// </summary>
public sealed class LtiScoreDispatch(NpgsqlDataSource dataSource)
{
    private const int MaxErrorLength = 2000;

    /// <summary>The sources that have a platform and a pending post: each gets a dispatch loop of its own.</summary>
    public async Task<List<string>> SourcesWithPlatformsAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, "select source from lti_platforms order by source");
        return await SqlCommands.ListAsync(command, reader => reader.Get<string>("source"), cancellationToken);
    }

    public async Task<List<ClaimedScorePost>> ClaimAsync(string source, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            with due as (
                select e.seq from lti_score_posts e
                where e.source = $1 and e.state = 'pending' and e.next_attempt_at <= now()
                  and not exists (select 1 from lti_score_posts p
                                  where p.submission_id = e.submission_id and p.state = 'pending' and p.seq < e.seq)
                order by e.next_attempt_at, e.seq
                limit $2
                for update skip locked)
            update lti_score_posts e set next_attempt_at = now() + $3, attempts = e.attempts + 1, last_attempt_at = now()
            from due where e.seq = due.seq
            returning e.*
            """, source, limit, lease);
        var claimed = await SqlCommands.ListAsync(command, reader => new ClaimedScorePost(
            reader.Get<long>("seq"), reader.Get<Guid>("id"), reader.Get<string>("source"), reader.Get<Guid>("submission_id"),
            reader.Get<int>("revision"), reader.Get<int>("attempts"), reader.Get<string>("line_item_url"), reader.Get<string>("user_id"),
            reader.Get<double>("score_given"), reader.Get<double>("score_maximum"), reader.Get<string>("grading_progress"),
            reader.Get<DateTimeOffset>("score_timestamp")), cancellationToken);
        return claimed.OrderBy(c => c.Seq).ToList();
    }

    public async Task MarkDeliveredAsync(long seq, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update lti_score_posts set state = 'delivered', delivered_at = now(), last_error = null where seq = $1 and state = 'pending'", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>Whether the post is dead now (its retry would fall outside <paramref name="maxAge"/>).</returns>
    public async Task<bool> MarkFailedAttemptAsync(long seq, string error, TimeSpan delay, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            update lti_score_posts
            set state = case when now() + $3 > retry_from + $4 then 'dead' else 'pending' end,
                next_attempt_at = now() + $3, last_error = $2
            where seq = $1 and state = 'pending'
            returning state
            """, seq, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, delay, maxAge);
        return await command.ExecuteScalarAsync(cancellationToken) as string == "dead";
    }
}
