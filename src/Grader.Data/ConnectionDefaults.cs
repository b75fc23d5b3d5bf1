using System.Data.Common;
using Npgsql;

namespace Grader.Data;

/// <summary>
/// Connection settings the grading path measured to pay (issue 14), applied unless the connection string sets them:
/// statements a connection runs often are prepared once (the claim, the grade, the intake), and a connection going back
/// to the pool is not reset with <c>DISCARD ALL</c> (a round trip per use, and it drops the prepared statements).
/// </summary>
/// <remarks>
/// No reset is safe because nothing here leaves session state behind: settings are <c>set local</c>, advisory locks are
/// transaction-scoped or released explicitly (the migrator), and the regrade's scratch table is <c>on commit delete
/// rows</c>. A transaction left open is still rolled back when its connection returns to the pool.
/// </remarks>
public static class ConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    public static NpgsqlDataSourceBuilder Builder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!Names(connectionString, "Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Names(connectionString, "No Reset On Close"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        return builder;
    }

    /// <summary>
    /// Whether the connection string itself sets <paramref name="keyword"/> (any case, with or without its spaces, as Npgsql
    /// reads it). Not <c>NpgsqlConnectionStringBuilder.ContainsKey</c>: that is true for every keyword Npgsql knows, set or
    /// not, so with it these defaults were never applied.
    /// </summary>
    private static bool Names(string connectionString, string keyword)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => Squeezed(key) == Squeezed(keyword));
    }

    private static string Squeezed(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
