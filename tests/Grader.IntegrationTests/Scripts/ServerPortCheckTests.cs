using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Scripts;

/// <summary>
/// infra/env.sh's <c>require_free_ports</c>, which infra/postgres.sh and infra/rabbitmq.sh run before starting their
/// server: only a listening socket makes a port busy. A stopped server's accepted connections linger in FIN-WAIT-2 for a
/// minute, and both servers bind with SO_REUSEADDR, so a restart may take the port at once.
/// </summary>
public sealed class ServerPortCheckTests
{
    [Fact]
    public void Port_with_a_listening_socket_is_busy_and_named()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exitCode, error) = RequireFreePorts(port);

        Assert.Equal(1, exitCode);
        Assert.Contains($"port {port} is already in use", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_whose_only_sockets_are_a_stopped_servers_closing_connections_is_free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        // The server closes its side first and stops listening: its socket waits in FIN-WAIT-2 for the client's FIN.
        using (var accepted = await listener.AcceptSocketAsync())
        {
            accepted.Shutdown(SocketShutdown.Both);
        }

        listener.Stop();
        // The client's ACK of that FIN moves it from FIN-WAIT-1 to FIN-WAIT-2; on a loaded machine that can take a moment
        // (a fresh-clone run once saw FIN-WAIT-1 still), so wait for the state the test is about before checking the port.
        var finWait2 = "";
        for (var tries = 0; tries < 50 && finWait2 == ""; tries++)
        {
            finWait2 = Run($"ss -Htan state fin-wait-2 '( sport = :{port} )'").Output.Trim();
            if (finWait2 == "")
            {
                await Task.Delay(100);
            }
        }

        Assert.NotEqual("", finWait2);

        var (exitCode, error) = RequireFreePorts(port);

        Assert.True(exitCode == 0, error);
        // And a server can indeed bind it again (SO_REUSEADDR, as PostgreSQL and RabbitMQ set it).
        var again = new TcpListener(IPAddress.Loopback, port);
        again.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        again.Start();
        again.Stop();
    }

    private static (int ExitCode, string Error) RequireFreePorts(int port)
    {
        var (exitCode, _, error) = Run($"source infra/env.sh && require_free_ports {port}");
        return (exitCode, error);
    }

    private static (int ExitCode, string Output, string Error) Run(string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = TestServers.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        // Skips env.sh's check of where a root user's servers keep their data (it may create a folder under /var/tmp).
        start.Environment["GRADER_LOCAL_CHECKED"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
