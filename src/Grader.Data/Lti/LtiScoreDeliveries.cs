using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Lti;

/// <summary>What an admin sees and does of score posts: list them with attempts and last error, post one or a platform's dead ones again.</summary>
public sealed class LtiScoreDeliveries(NpgsqlDataSource dataSource)
{
    public async Task<List<ScorePostDelivery>> ListAsync(ScorePostFilter filter, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select * from lti_score_posts
            where ($1 is null or state = $1) and ($2 is null or source = $2) and ($3 is null or submission_id = $3)
              and ($4 is null or seq < $4)
            order by seq desc
            limit $5
            """,
            SqlCommands.Typed(NpgsqlDbType.Text, filter.State), SqlCommands.Typed(NpgsqlDbType.Text, filter.Source),
            SqlCommands.Typed(NpgsqlDbType.Uuid, filter.SubmissionId), SqlCommands.Typed(NpgsqlDbType.Bigint, filter.BeforeSeq),
            filter.Limit);
        return await SqlCommands.ListAsync(command, reader => new ScorePostDelivery(
            reader.Get<long>("seq"), reader.Get<Guid>("id"), reader.Get<string>("source"), reader.Get<Guid>("submission_id"),
            reader.Get<int>("revision"), reader.Get<string>("line_item_url"), reader.Get<string>("user_id"),
            reader.Get<double>("score_given"), reader.Get<double>("score_maximum"), reader.Get<string>("grading_progress"),
            reader.Get<DateTimeOffset>("score_timestamp"), reader.Get<string>("state"), reader.Get<int>("attempts"),
            reader.Get<DateTimeOffset>("next_attempt_at"), reader.Value<DateTimeOffset>("last_attempt_at"), reader.Text("last_error"),
            reader.Value<DateTimeOffset>("delivered_at")), cancellationToken);
    }

    /// <returns>false when there is no such post.</returns>
    public async Task<bool> RedeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update lti_score_posts set state = 'pending', next_attempt_at = now(), retry_from = now(), delivered_at = null where id = $1", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> RedeliverDeadAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update lti_score_posts set state = 'pending', next_attempt_at = now(), retry_from = now() where source = $1 and state = 'dead'", source);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The undelivered backlog of score posts, in the webhook events' shape.</summary>
    public async Task<Passback.GradeEventBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select count(*) filter (where state = 'pending') as pending, count(*) filter (where state = 'dead') as dead,
                   extract(epoch from now() - min(score_timestamp) filter (where state = 'pending'))::float8 as oldest
            from lti_score_posts where state <> 'delivered'
            """);
        var rows = await SqlCommands.ListAsync(command, reader => new Passback.GradeEventBacklog(reader.Get<long>("pending"),
            reader.Get<long>("dead"), reader.Value<double>("oldest") is { } seconds ? TimeSpan.FromSeconds(seconds) : null), cancellationToken);
        return rows[0];
    }
}
