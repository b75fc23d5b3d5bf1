using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each once, in its own transaction, and records
/// each one's checksum. A PostgreSQL advisory lock serialises processes that start together (several APIs and workers).
/// An applied script whose file was edited since stops the process (<see cref="EditedMigrationException"/>): it would
/// never be applied again, so the database and the files would silently disagree.
/// </summary>
public static class SchemaMigrator
{
    // Arbitrary constant shared by every Grader process: "grader" in ASCII.
    private const long LockKey = 0x677261646572;

    /// <returns>The versions applied now.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Unbounded: a process starting beside another waits for all of that one's migrations.
        await RunUnboundedAsync(connection, null, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await SqlCommands.ExecuteAsync(connection, null, """
                create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now());
                alter table schema_migrations add column if not exists checksum text
                """, cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var migrations = Migration.Embedded();
            CheckUnedited(applied, migrations);
            await RecordFirstChecksumsAsync(connection, applied, migrations, cancellationToken);

            var newlyApplied = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await RunUnboundedAsync(connection, transaction, migration.Sql, cancellationToken);
                await SqlCommands.ExecuteAsync(connection, transaction, "insert into schema_migrations (version, checksum) values ($1, $2)",
                    cancellationToken, migration.Version, migration.Checksum);
                await transaction.CommitAsync(cancellationToken);
                newlyApplied.Add(migration.Version);
            }

            return newlyApplied;
        }
        finally
        {
            await SqlCommands.ExecuteAsync(connection, null, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs without the connection's command timeout (30 s unless the connection string says otherwise): a migration's
    /// backfill takes as long as the data it reads (summary_best's, 0016, reads every graded submission and its result),
    /// and a migration stopped by the timeout would stop every process at start, on every retry.
    /// </summary>
    private static async Task RunUnboundedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads, never writes: which embedded migrations the database lacks (all of them for an empty database).</summary>
    /// <exception cref="EditedMigrationException">An applied script was edited since.</exception>
    public static async Task<IReadOnlyList<string>> PendingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = SqlCommands.Create(connection, null, "select to_regclass('schema_migrations') is not null");
        var migrations = Migration.Embedded();
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return migrations.Select(m => m.Version).ToList();
        }

        var applied = await AppliedAsync(connection, cancellationToken);
        CheckUnedited(applied, migrations);
        return migrations.Where(m => !applied.ContainsKey(m.Version)).Select(m => m.Version).ToList();
    }

    private static void CheckUnedited(Dictionary<string, string?> applied, IReadOnlyList<Migration> migrations)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum) && checksum is not null && checksum != migration.Checksum)
            {
                throw new EditedMigrationException(migration.Version, checksum, migration.Checksum);
            }
        }
    }

    // Databases migrated before checksums were recorded: their scripts are trusted as they are now, and checked from then on.
    private static async Task RecordFirstChecksumsAsync(NpgsqlConnection connection, Dictionary<string, string?> applied,
        IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        foreach (var migration in migrations.Where(m => applied.TryGetValue(m.Version, out var checksum) && checksum is null))
        {
            await SqlCommands.ExecuteAsync(connection, null, "update schema_migrations set checksum = $2 where version = $1 and checksum is null",
                cancellationToken, migration.Version, migration.Checksum);
        }
    }

    private static async Task<Dictionary<string, string?>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A database migrated before checksums has no checksum column yet (read-only callers do not add it): read it as null.
        var sql = await ChecksumColumnExistsAsync(connection, cancellationToken)
            ? "select version, checksum from schema_migrations"
            : "select version, null::text as checksum from schema_migrations";
        await using var command = SqlCommands.Create(connection, null, sql);
        var rows = await SqlCommands.ListAsync(command, reader => (Version: reader.Get<string>("version"), Checksum: reader.Text("checksum")),
            cancellationToken);
        return rows.ToDictionary(r => r.Version, r => r.Checksum, StringComparer.Ordinal);
    }

    private static async Task<bool> ChecksumColumnExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, null, """
            select exists (select from information_schema.columns where table_schema = current_schema() and table_name = 'schema_migrations'
                                                                and column_name = 'checksum')
            """);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>An applied migration script differs from the file this build carries.</summary>
public sealed class EditedMigrationException(string version, string applied, string now)
    : Exception($"Migration {version} was edited after it was applied to this database (checksum applied {applied[..12]}…, " +
                $"file now {now[..12]}…). Applied migrations are never run again: restore the file as it was and put the change " +
                "in a new migration.")
{
    public string Version { get; } = version;
}
