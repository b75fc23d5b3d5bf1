using System.Diagnostics;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>Stops and restarts the RabbitMQ application (the node stays up) through infra/rabbitmq.sh.</summary>
public static class Broker
{
    public static Task StopAsync() => RunCtlAsync("stop_app");

    public static Task StartAsync() => RunCtlAsync("start_app");

    private static async Task RunCtlAsync(string command)
    {
        var script = Path.Combine(TestServers.RepositoryRoot, "infra", "rabbitmq.sh");
        using var process = Process.Start(new ProcessStartInfo(script, ["ctl", "-q", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmq.sh ctl {command} failed: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
    }
}
