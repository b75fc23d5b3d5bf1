using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Passback;

/// <summary>What an admin sees and does of outgoing events: list them, send one again, send a source's dead ones again.</summary>
public sealed class GradeEventDeliveries(NpgsqlDataSource dataSource)
{
    public async Task<List<GradeEventDelivery>> ListAsync(GradeEventFilter filter, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select seq, id, source, submission_id, type, revision, state, attempts, occurred_at, next_attempt_at, last_attempt_at,
                   last_error, delivered_at
            from grade_events
            where ($1 is null or state = $1) and ($2 is null or source = $2) and ($3 is null or submission_id = $3)
              and ($4 is null or seq < $4)
            order by seq desc
            limit $5
            """,
            SqlCommands.Typed(NpgsqlDbType.Text, filter.State), SqlCommands.Typed(NpgsqlDbType.Text, filter.Source),
            SqlCommands.Typed(NpgsqlDbType.Uuid, filter.SubmissionId), SqlCommands.Typed(NpgsqlDbType.Bigint, filter.BeforeSeq),
            filter.Limit);
        return await SqlCommands.ListAsync(command, reader => new GradeEventDelivery(
            reader.Get<long>("seq"), reader.Get<Guid>("id"), reader.Get<string>("source"), reader.Get<Guid>("submission_id"),
            reader.Get<string>("type"), reader.Get<int>("revision"), reader.Get<string>("state"), reader.Get<int>("attempts"),
            reader.Get<DateTimeOffset>("occurred_at"), reader.Get<DateTimeOffset>("next_attempt_at"),
            reader.Value<DateTimeOffset>("last_attempt_at"), reader.Text("last_error"), reader.Value<DateTimeOffset>("delivered_at")),
            cancellationToken);
    }

    /// <summary>Makes one event (delivered or dead) pending and due now, with a fresh retry window.</summary>
    /// <returns>false when there is no such event.</returns>
    public async Task<bool> RedeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update grade_events set state = 'pending', next_attempt_at = now(), retry_from = now(), delivered_at = null where id = $1", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <returns>How many dead events of the source were made pending again.</returns>
    public async Task<int> RedeliverDeadAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update grade_events set state = 'pending', next_attempt_at = now(), retry_from = now() where source = $1 and state = 'dead'", source);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<GradeEventBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select count(*) filter (where state = 'pending') as pending, count(*) filter (where state = 'dead') as dead,
                   extract(epoch from now() - min(occurred_at) filter (where state = 'pending'))::float8 as oldest
            from grade_events where state <> 'delivered'
            """);
        var rows = await SqlCommands.ListAsync(command, reader => new GradeEventBacklog(reader.Get<long>("pending"), reader.Get<long>("dead"),
            reader.Value<double>("oldest") is { } seconds ? TimeSpan.FromSeconds(seconds) : null), cancellationToken);
        return rows[0];
    }
}
