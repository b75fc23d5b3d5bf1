using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Sql;

/// <summary>
/// The one way this project builds an ADO command: SQL with positional (<c>$1</c>…) or named parameters, each value
/// wrapped as is, null as <c>DBNull</c>, and a ready <see cref="NpgsqlParameter"/> (a typed null) passed through.
/// </summary>
internal static class SqlCommands
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values) =>
        WithValues(new NpgsqlCommand(sql, connection, transaction), values);

    public static NpgsqlCommand Create(NpgsqlDataSource dataSource, string sql, params object?[] values) =>
        WithValues(dataSource.CreateCommand(sql), values);

    /// <summary>A typed value: PostgreSQL cannot infer the type of <c>$3 is null</c> from an untyped null.</summary>
    public static NpgsqlParameter Typed(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    public static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Create(connection, transaction, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads every row with <paramref name="read"/> (which reads columns by name).</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static NpgsqlCommand WithValues(NpgsqlCommand command, object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}

/// <summary>Columns read by name, never by position, so a reordered select list cannot shift values into the wrong field.</summary>
internal static class ColumnReader
{
    public static T Get<T>(this NpgsqlDataReader reader, string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));

    public static T? Value<T>(this NpgsqlDataReader reader, string column)
        where T : struct
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    public static string? Text(this NpgsqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
