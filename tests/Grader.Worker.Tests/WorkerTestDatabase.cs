using System.Globalization;
using Grader.Data;
using Npgsql;

namespace Grader.Worker.Tests;

/// <summary>A fresh, migrated database on the local PostgreSQL (infra/postgres.sh), dropped afterwards.</summary>
public sealed class WorkerTestDatabase : IAsyncLifetime
{
    private static readonly string Port = Environment.GetEnvironmentVariable("GRADER_PG_PORT") ?? "55432";
    private readonly string _name = string.Create(CultureInfo.InvariantCulture, $"grader_wt_{Environment.ProcessId}_{Guid.NewGuid():N}");

    public string ConnectionString => Connection(_name);
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
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

    private static string Connection(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=grader;Password=grader";

    private static async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(Connection("postgres"));
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
