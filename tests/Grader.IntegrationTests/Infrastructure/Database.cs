using System.Diagnostics;
using Npgsql;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>Stops and restarts the whole PostgreSQL server (every database on it) through infra/postgres.sh.</summary>
public static class Database
{
    public static Task StopAsync() => RunAsync("stop");

    /// <summary>Starts the server and drops the pooled connections of <paramref name="pools"/>, which the restart broke.</summary>
    public static async Task StartAsync(params NpgsqlDataSource[] pools)
    {
        await RunAsync("start");
        foreach (var pool in pools)
        {
            pool.Clear();
        }
    }

    private static async Task RunAsync(string command)
    {
        var script = Path.Combine(TestServers.RepositoryRoot, "infra", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo(script, [command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"postgres.sh {command} failed: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
    }
}
