using Grader.Data.Passback;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Lti;

/// <summary>What an admin sees and does of score posts: list them with attempts and last error, post one or a platform's dead ones again.</summary>
public sealed class LtiScoreDeliveries(NpgsqlDataSource dataSource)
{
    private readonly OutboxRows _rows = new(dataSource, "lti_score_posts", "score_timestamp");

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

    /// <summary>Makes one (delivered or dead) pending and due now, with a fresh retry window.</summary>
    /// <returns>false when there is no such one.</returns>
    public Task<bool> RedeliverAsync(Guid id, CancellationToken cancellationToken) => _rows.RedeliverAsync(id, cancellationToken);

    /// <returns>How many dead ones of the source were made pending again.</returns>
    public Task<int> RedeliverDeadAsync(string source, CancellationToken cancellationToken) => _rows.RedeliverDeadAsync(source, cancellationToken);

    /// <summary>The undelivered backlog, in the webhook events' shape.</summary>
    public Task<GradeEventBacklog> BacklogAsync(CancellationToken cancellationToken) => _rows.BacklogAsync(cancellationToken);
}
