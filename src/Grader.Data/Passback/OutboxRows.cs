using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Passback;

/// <summary>
/// What an admin does to an outbox of outgoing deliveries (<c>grade_events</c>, <c>lti_score_posts</c>): both hold
/// <c>state</c> pending, delivered or dead, a <c>next_attempt_at</c>, and a <c>retry_from</c> from which the retry
/// window runs, so sending again and counting the backlog are one rule for both. <paramref name="table"/> and
/// <paramref name="occurredColumn"/> are the callers' constants, never input.
/// </summary>
internal sealed class OutboxRows(NpgsqlDataSource dataSource, string table, string occurredColumn)
{
    /// <summary>Makes one row (delivered or dead) pending and due now, with a fresh retry window.</summary>
    /// <returns>false when there is no such row.</returns>
    public async Task<bool> RedeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            $"update {table} set state = 'pending', next_attempt_at = now(), retry_from = now(), delivered_at = null where id = $1", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <returns>How many dead rows of the source were made pending again.</returns>
    public async Task<int> RedeliverDeadAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            $"update {table} set state = 'pending', next_attempt_at = now(), retry_from = now() where source = $1 and state = 'dead'", source);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Pending and dead rows, and the age of the oldest pending one.</summary>
    public async Task<GradeEventBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, $"""
            select count(*) filter (where state = 'pending') as pending, count(*) filter (where state = 'dead') as dead,
                   extract(epoch from now() - min({occurredColumn}) filter (where state = 'pending'))::float8 as oldest
            from {table} where state <> 'delivered'
            """);
        var rows = await SqlCommands.ListAsync(command, reader => new GradeEventBacklog(reader.Get<long>("pending"), reader.Get<long>("dead"),
            reader.Value<double>("oldest") is { } seconds ? TimeSpan.FromSeconds(seconds) : null), cancellationToken);
        return rows[0];
    }
}
