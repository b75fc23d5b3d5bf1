namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// Stops and restarts the RabbitMQ application (the node and its container stay up, the port stays the same) of a stack
/// started with <c>ownServers: true</c>.
/// </summary>
public static class Broker
{
    public static Task StopAsync(ServiceStack stack) => stack.Servers.StopBrokerAsync();

    public static Task StartAsync(ServiceStack stack) => stack.Servers.StartBrokerAsync();

    /// <summary>A hung broker: open connections and new ones get no answer (<see cref="TestServers.FreezeBrokerAsync"/>).</summary>
    public static Task FreezeAsync(ServiceStack stack) => stack.Servers.FreezeBrokerAsync();

    public static Task ThawAsync(ServiceStack stack) => stack.Servers.ThawBrokerAsync();
}
