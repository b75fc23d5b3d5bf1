using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.IntegrationTests.Submissions;

/// <summary>
/// Holds intake's inserts at a lock on <c>submissions</c> (share mode: reads go on, inserts wait), so a test can line up
/// which webhooks share a flush: the first insert waits at the lock while the next webhooks queue behind it in
/// <see cref="IntakeBatcher"/>, and all of those go into the next insert together.
/// </summary>
internal sealed class FlushGate : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ServiceStack _stack;
    private readonly List<int> _broken = [];

    private FlushGate(ServiceStack stack, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _stack = stack;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<FlushGate> CloseAsync(ServiceStack stack)
    {
        var connection = await stack.Db.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("lock table submissions in share mode", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new FlushGate(stack, connection, transaction);
    }

    public IntakeBatcher Batcher => _stack.ApiServices.GetRequiredService<IntakeBatcher>();

    /// <summary>Inserts into <c>submissions</c> now waiting at the lock, and their backends.</summary>
    public async Task<List<int>> WaitingInsertsAsync()
    {
        await using var command = _stack.Db.CreateCommand("""
            select pid from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into submissions%'
            """);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!_broken.Contains(reader.GetInt32(0))) // a backend ended a moment ago may still be listed
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        return pids;
    }

    /// <summary>Waits until one insert waits at the lock and <paramref name="queued"/> deliveries are queued behind it.</summary>
    public Task HoldsAsync(int queued) => Eventually.HoldsAsync(
        async () => (await WaitingInsertsAsync()).Count == 1 && Batcher.Waiting == queued,
        TimeSpan.FromSeconds(60), $"one insert at the lock and {queued} queued behind it");

    /// <summary>Ends the waiting insert's connection, as a database restart would.</summary>
    public async Task BreakWaitingInsertAsync()
    {
        var pid = (await WaitingInsertsAsync()).Single();
        _broken.Add(pid);
        await using var command = _stack.Db.CreateCommand($"select pg_terminate_backend({pid})");
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.CommitAsync();
        await _connection.DisposeAsync();
    }
}
