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

    private static async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(await PostgresContainer.ConnectionStringAsync("postgres"));
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
