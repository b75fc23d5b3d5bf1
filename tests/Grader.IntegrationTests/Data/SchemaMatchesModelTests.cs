using System.Globalization;
using Grader.Data;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Grader.IntegrationTests.Data;

/// <summary>
/// The schema comes from the SQL migrations, never from the EF model: this checks, on a freshly migrated database, that
/// every mapped table and column exists with the model's type and nullability, and that no column EF would have to
/// write is missing from the model.
/// </summary>
public sealed class SchemaMatchesModelTests : IAsyncLifetime
{
    // Required columns EF never writes, and who fills them instead.
    private static readonly Dictionary<string, string> FilledOutsideTheModel = new(StringComparer.Ordinal)
    {
        ["results.part_outcomes"] = "trigger tr_results_part_outcomes, or the regrade batch's INSERT … SELECT",
    };

    private readonly string _database = string.Create(CultureInfo.InvariantCulture, $"grader_schema_{Environment.ProcessId}_{Guid.NewGuid():N}");
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        await AdminAsync($"create database \"{_database}\"");
        _dataSource = NpgsqlDataSource.Create((await TestServers.SharedAsync()).ConnectionString(_database));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await AdminAsync($"drop database if exists \"{_database}\" with (force)");
    }

    [Fact]
    public async Task Every_mapped_column_exists_with_the_models_type_and_nullability()
    {
        var problems = Mismatches(await ColumnsAsync());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task A_dropped_column_and_a_changed_type_are_both_reported()
    {
        await using (var change = _dataSource.CreateCommand(
            "alter table regrade_items drop column error; alter table results alter column duration_ms type real"))
        {
            await change.ExecuteNonQueryAsync();
        }

        var problems = Mismatches(await ColumnsAsync());

        Assert.Contains(problems, p => p.StartsWith("regrade_items.error ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("results.duration_ms: the model says double precision", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    private List<string> Mismatches(Dictionary<(string Table, string Column), SchemaColumn> columns)
    {
        using var db = new GraderDbContext(new DbContextOptionsBuilder<GraderDbContext>().UseNpgsql(_dataSource).Options);
        var problems = new List<string>();
        var entities = db.Model.GetEntityTypes().ToList();
        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            if (!columns.Keys.Any(k => k.Table == table))
            {
                problems.Add($"{table} ({entity.ClrType.Name}) is not in the schema");
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(store)!;
                if (!columns.TryGetValue((table, name), out var column))
                {
                    problems.Add($"{table}.{name} ({entity.ClrType.Name}.{property.Name}) is not in the schema");
                    continue;
                }

                if (!string.Equals(property.GetColumnType(), column.Type, StringComparison.Ordinal))
                {
                    problems.Add($"{table}.{name}: the model says {property.GetColumnType()}, the schema {column.Type}");
                }

                if (property.IsNullable != column.Nullable)
                {
                    problems.Add($"{table}.{name}: the model says {(property.IsNullable ? "null" : "not null")}, the schema the opposite");
                }
            }

            var mapped = entity.GetProperties().Select(p => p.GetColumnName(store)).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(columns.Where(c => c.Key.Table == table && !mapped.Contains(c.Key.Column) && c.Value.MustBeWritten
                                                 && !FilledOutsideTheModel.ContainsKey($"{table}.{c.Key.Column}"))
                .Select(c => $"{table}.{c.Key.Column} is required but not in the model: EF inserts would fail"));
        }

        return problems;
    }

    private async Task<Dictionary<(string Table, string Column), SchemaColumn>> ColumnsAsync()
    {
        await using var command = _dataSource.CreateCommand("""
            select table_name, column_name, data_type, is_nullable = 'YES' as nullable,
                   is_nullable = 'NO' and column_default is null and is_generated = 'NEVER' as must_be_written
            from information_schema.columns where table_schema = 'public'
            """);
        var columns = new Dictionary<(string, string), SchemaColumn>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[(reader.GetString(reader.GetOrdinal("table_name")), reader.GetString(reader.GetOrdinal("column_name")))] = new SchemaColumn(
                reader.GetString(reader.GetOrdinal("data_type")), reader.GetBoolean(reader.GetOrdinal("nullable")),
                reader.GetBoolean(reader.GetOrdinal("must_be_written")));
        }

        return columns;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = NpgsqlDataSource.Create((await TestServers.SharedAsync()).ConnectionString("postgres"));
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record SchemaColumn(string Type, bool Nullable, bool MustBeWritten);
}
