using System.Globalization;
using Grader.Data;
using Grader.IntegrationTests.Infrastructure;
using Npgsql;

namespace Grader.IntegrationTests.Data;

/// <summary>
/// Applied migrations carry a checksum; an edited one stops the migrator; a long one is not cut by the command timeout;
/// <c>keys list</c> never migrates.
/// </summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly string _database = string.Create(CultureInfo.InvariantCulture, $"grader_migrations_{Environment.ProcessId}_{Guid.NewGuid():N}");
    private NpgsqlDataSource _dataSource = null!;
    private TestServers _servers = null!;

    private string ConnectionString => _servers.ConnectionString(_database);

    public async Task InitializeAsync()
    {
        _servers = await TestServers.SharedAsync();
        await AdminAsync($"create database \"{_database}\"");
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await AdminAsync($"drop database if exists \"{_database}\" with (force)");
    }

    [Fact]
    public async Task Every_applied_migration_records_its_checksum_and_nothing_is_pending_after()
    {
        var applied = await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);

        Assert.Contains("0001_submissions_and_results", applied);
        Assert.Equal(0L, await ScalarAsync("select count(*) from schema_migrations where checksum is null or length(checksum) <> 64"));
        Assert.Empty(await SchemaMigrator.PendingAsync(_dataSource, CancellationToken.None));
        Assert.Empty(await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_the_migrator_naming_it()
    {
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        // The checksum of another text: as if 0003's file had been edited after this database ran it.
        await ScalarAsync("update schema_migrations set checksum = repeat('0', 64) where version = '0003_regrades'");

        var edited = await Assert.ThrowsAsync<EditedMigrationException>(() => SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None));
        await Assert.ThrowsAsync<EditedMigrationException>(() => SchemaMigrator.PendingAsync(_dataSource, CancellationToken.None));

        Assert.Equal("0003_regrades", edited.Version);
        Assert.Contains("new migration", edited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migration_longer_than_the_command_timeout_is_applied_while_another_process_waits_for_it()
    {
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        // Requests on this connection string time out after 1 s; the test-only script (never shipped) takes 3 s, as a
        // backfill of a large table takes minutes under the default 30 s.
        await using var shortTimeout = NpgsqlDataSource.Create(ConnectionString + ";Command Timeout=1");
        var migrations = Migration.Embedded().Append(Migration.Of("9999_test_slow_backfill", "select pg_sleep(3)")).ToList();

        // Two processes starting together: one applies it, the other waits on the lock for as long.
        var applied = await Task.WhenAll(
            SchemaMigrator.MigrateAsync(shortTimeout, migrations, CancellationToken.None),
            SchemaMigrator.MigrateAsync(shortTimeout, migrations, CancellationToken.None));

        Assert.Equal(["9999_test_slow_backfill"], applied.SelectMany(versions => versions));
        Assert.Equal(1L, await ScalarAsync("select count(*) from schema_migrations where version = '9999_test_slow_backfill'"));
    }

    [Fact]
    public async Task A_database_migrated_before_checksums_gets_them_recorded()
    {
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        await ScalarAsync("alter table schema_migrations drop column checksum");

        Assert.Empty(await SchemaMigrator.PendingAsync(_dataSource, CancellationToken.None));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);

        Assert.Equal(0L, await ScalarAsync("select count(*) from schema_migrations where checksum is null"));
    }

    [Fact]
    public async Task A_migration_that_runs_longer_than_the_command_timeout_completes()
    {
        await using var impatient = NpgsqlDataSource.Create(ConnectionString + ";Command Timeout=1");
        // Another transaction creating a table of the same name holds the first migration's CREATE TABLE for 3 s, as a
        // long backfill would run (0016's reads every graded submission: longer than 30 s at a million under load).
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("create table submissions (id integer)", blocker, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        var migrating = SchemaMigrator.MigrateAsync(impatient, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await transaction.RollbackAsync();

        Assert.Contains("0016_summary_best", await migrating);
    }

    [Fact]
    public async Task A_process_waits_for_another_process_migrating_longer_than_the_command_timeout()
    {
        await using var impatient = NpgsqlDataSource.Create(ConnectionString + ";Command Timeout=1");
        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(113740957902194)", other))
        {
            await lockCommand.ExecuteNonQueryAsync(); // SchemaMigrator.LockKey (0x677261646572), as held by a process migrating
        }

        var migrating = SchemaMigrator.MigrateAsync(impatient, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using (var unlock = new NpgsqlCommand("select pg_advisory_unlock(113740957902194)", other))
        {
            await unlock.ExecuteNonQueryAsync();
        }

        Assert.Contains("0001_submissions_and_results", await migrating);
    }

    [Fact]
    public async Task Keys_list_refuses_a_database_behind_the_schema_and_leaves_it_untouched()
    {
        var (exitCode, output, error) = await GraderCli.RunAsync(
            new Dictionary<string, string?>(), "keys", "list", "--connection", ConnectionString);

        Assert.Equal(4, exitCode);
        Assert.Contains("schema is behind", error, StringComparison.Ordinal);
        Assert.DoesNotContain("role", output, StringComparison.Ordinal);
        Assert.False((bool)(await ScalarAsync("select to_regclass('schema_migrations') is not null"))!);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(_servers.ConnectionString("postgres"));
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
