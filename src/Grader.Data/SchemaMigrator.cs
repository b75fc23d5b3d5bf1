using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Grader.Data;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each once, in its own transaction.
/// A PostgreSQL advisory lock serialises processes that start together (several APIs and workers).
/// </summary>
public static class SchemaMigrator
{
    // Arbitrary constant shared by every Grader process: "grader" in ASCII.
    private const long LockKey = 0x677261646572;

    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection,
                "create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())",
                cancellationToken);
            var applied = await AppliedVersions(connection, cancellationToken);
            var newlyApplied = new List<string>();
            foreach (var (version, sql) in EmbeddedMigrations())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("insert into schema_migrations (version) values ($1)", connection))
                {
                    record.Parameters.AddWithValue(version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                newlyApplied.Add(version);
            }

            return newlyApplied;
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    internal static IEnumerable<(string Version, string Sql)> EmbeddedMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Grader.Data.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }

    private static async Task<HashSet<string>> AppliedVersions(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
