using Grader.Data;
using Npgsql;

namespace Grader.Cli.Commands;

/// <summary>Opens the service's database for a command, migrated, and maps database failures to exit code 3.</summary>
internal static class CliDatabase
{
    public static Task<int> RunAsync(string? connection, Func<NpgsqlDataSource, Task<int>> action, CancellationToken cancellationToken) =>
        RunAsync(connection, readOnlyCommand: null, action, cancellationToken);

    /// <param name="connection">The connection string, or null for <c>ConnectionStrings__Grader</c>.</param>
    /// <param name="readOnlyCommand">
    /// A command that only reads (<c>keys list</c>): the schema is not migrated, and a database behind this grader is
    /// refused (exit code 4) rather than changed. Null: migrate first, so the command works on a fresh database.
    /// </param>
    /// <param name="action">The command's work on the opened database.</param>
    /// <param name="cancellationToken">Cancels the migration and the work.</param>
    public static async Task<int> RunAsync(string? connection, string? readOnlyCommand, Func<NpgsqlDataSource, Task<int>> action,
        CancellationToken cancellationToken)
    {
        connection ??= Environment.GetEnvironmentVariable("ConnectionStrings__Grader");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine("error: no database: pass --connection or set ConnectionStrings__Grader");
            return ExitCodes.BadInput;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connection);
            if (readOnlyCommand is null)
            {
                await SchemaMigrator.MigrateAsync(dataSource, cancellationToken);
            }
            else if (await SchemaMigrator.PendingAsync(dataSource, cancellationToken) is { Count: > 0 } pending)
            {
                Console.Error.WriteLine($"error: the database schema is behind this grader (missing {string.Join(", ", pending)}); "
                    + $"start the API or a worker, or run 'grader keys create', to migrate it. '{readOnlyCommand}' never changes the database.");
                return ExitCodes.SchemaBehind;
            }

            return await action(dataSource);
        }
        catch (EditedMigrationException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Unavailable;
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException or TimeoutException)
        {
            Console.Error.WriteLine($"error: cannot use the database: {exception.Message}");
            return ExitCodes.Unavailable;
        }
    }
}
