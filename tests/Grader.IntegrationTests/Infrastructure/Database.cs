namespace Grader.IntegrationTests.Infrastructure;

/// <summary>Stops and restarts the PostgreSQL container of a stack started with <c>ownServers: true</c>.</summary>
public static class Database
{
    public static Task StopAsync(ServiceStack stack) => stack.Servers.StopPostgresAsync();

    /// <summary>Starts the server (same port, same data) and drops the stack's pooled connections, which the restart broke.</summary>
    public static async Task StartAsync(ServiceStack stack)
    {
        await stack.Servers.StartPostgresAsync();
        stack.Db.Clear();
    }
}
