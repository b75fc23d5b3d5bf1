using Npgsql;

namespace Grader.IntegrationTests.Queries;

/// <summary>One statement with positional parameters ($1, $2, …), for the tests' hand-made writes.</summary>
internal static class TestSql
{
    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, sql, values);
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
