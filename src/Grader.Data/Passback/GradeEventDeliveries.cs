using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Passback;

/// <summary>What an admin sees and does of outgoing events: list them, send one again, send a source's dead ones again.</summary>
public sealed class GradeEventDeliveries(NpgsqlDataSource dataSource)
{
    private readonly OutboxRows _rows = new(dataSource, "grade_events", "occurred_at");

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

    /// <summary>Makes one (delivered or dead) pending and due now, with a fresh retry window.</summary>
    /// <returns>false when there is no such one.</returns>
    public Task<bool> RedeliverAsync(Guid id, CancellationToken cancellationToken) => _rows.RedeliverAsync(id, cancellationToken);

    /// <returns>How many dead ones of the source were made pending again.</returns>
    public Task<int> RedeliverDeadAsync(string source, CancellationToken cancellationToken) => _rows.RedeliverDeadAsync(source, cancellationToken);

    /// <summary>The undelivered backlog, in the webhook events' shape.</summary>
    public Task<GradeEventBacklog> BacklogAsync(CancellationToken cancellationToken) => _rows.BacklogAsync(cancellationToken);
}
