namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// Stops and restarts the RabbitMQ application (the node and its container stay up, the port stays the same) of a stack
/// started with <c>ownServers: true</c>.
/// </summary>
public static class Broker
{
    public static Task StopAsync(ServiceStack stack) => stack.Servers.StopBrokerAsync();

    public static Task StartAsync(ServiceStack stack) => stack.Servers.StartBrokerAsync();
}
