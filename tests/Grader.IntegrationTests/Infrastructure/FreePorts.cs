using System.Net;
using System.Net.Sockets;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// Host ports for containers, below the ephemeral range (32768–60999 here) so an outgoing connection cannot hold one
/// while its container restarts, and above the ports the infra/ scripts and other checkouts use (up to 25692).
/// </summary>
public static class FreePorts
{
    private const int First = 26000;
    private const int Count = 6000;
    private static int _next = First + Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + (Interlocked.Increment(ref _next) - First) % Count;
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port in {First}–{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
