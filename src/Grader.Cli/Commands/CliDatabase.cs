using Grader.Data;
using Npgsql;

namespace Grader.Cli.Commands;

/// <summary>Opens the service's database for a command, migrated, and maps database failures to exit code 3.</summary>
internal static class CliDatabase
{
    public static async Task<int> RunAsync(string? connection, Func<NpgsqlDataSource, Task<int>> action, CancellationToken cancellationToken)
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
            await SchemaMigrator.MigrateAsync(dataSource, cancellationToken);
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
