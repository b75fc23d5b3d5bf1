using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Grader.Data;

/// <summary>Tells infrastructure failures that a retry can fix (connection lost, server restarting) from the rest.</summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        TimeoutException => true,
        _ => false,
    };

    /// <summary>True when an insert hit a unique index (SQLSTATE 23505), i.e. a concurrent duplicate.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };
}
