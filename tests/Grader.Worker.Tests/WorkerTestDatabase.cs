using System.Globalization;
using Grader.Data;
using Npgsql;

namespace Grader.Worker.Tests;

/// <summary>A fresh, migrated database on the test run's PostgreSQL container (<see cref="PostgresContainer"/>), dropped afterwards.</summary>
public sealed class WorkerTestDatabase : IAsyncLifetime
{
    private readonly string _name = string.Create(CultureInfo.InvariantCulture, $"grader_wt_{Environment.ProcessId}_{Guid.NewGuid():N}");

    public string ConnectionString { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresContainer.ConnectionStringAsync(_name);
        await AdminAsync($"create database \"{_name}\"");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await SchemaMigrator.MigrateAsync(DataSource, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await AdminAsync($"drop database if exists \"{_name}\" with (force)");
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Makes the database refuse this one submission's result, as an error no retry fixes ("poison result rejected"), so a
    /// batch's one write of its results fails for all of them.
    /// </summary>
    public async Task RejectResultOfAsync(Guid submissionId) => await ScalarAsync($"""
        create function reject_poison() returns trigger language plpgsql as $$
        begin
            if new.submission_id = '{submissionId}' then raise exception 'poison result rejected'; end if;
            return new;
        end $$;
        create trigger tr_reject_poison before insert on results for each row execute function reject_poison();
        """);

    private static async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(await PostgresContainer.ConnectionStringAsync("postgres"));
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
