using System.Globalization;
using Grader.Data;
using Npgsql;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own on the shared server, migrated, for a test class that reads the schema or compares whole
/// aggregate tables with their from-scratch rebuild (each class gets its own, so every row is that class's).
/// </summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private readonly string _name = string.Create(CultureInfo.InvariantCulture, $"grader_migrated_{Environment.ProcessId}_{Guid.NewGuid():N}");
    private TestServers _servers = null!;

    public NpgsqlDataSource Db { get; private set; } = null!;

    /// <summary>For a test that builds its own data source on this database (with the services' connection defaults).</summary>
    public string ConnectionString => _servers.ConnectionString(_name);

    public async Task InitializeAsync()
    {
        _servers = await TestServers.SharedAsync();
        await AdminAsync($"create database \"{_name}\"");
        Db = NpgsqlDataSource.Create(_servers.ConnectionString(_name));
        await SchemaMigrator.MigrateAsync(Db, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await AdminAsync($"drop database if exists \"{_name}\" with (force)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(_servers.ConnectionString("postgres"));
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
