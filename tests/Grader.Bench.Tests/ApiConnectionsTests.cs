using System.Net;

namespace Grader.Bench.Tests;

/// <summary>
/// The connections opened before a timed run (<see cref="ApiConnections"/>): one request in flight per connection at
/// once, so that the client holds that many connections when the clock starts, and none of them a submission.
/// </summary>
public sealed class ApiConnectionsTests
{
    [Fact]
    public async Task Opens_as_many_requests_at_once_as_connections_and_posts_nothing()
    {
        const int Connections = 16;
        var server = new Gate(Connections);
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://bench.test") };

        // Requests sent one after another would never all be in flight: the gate opens only when all of them are.
        await ApiConnections.OpenAsync(http, Connections).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(Connections, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Equal("GET /health/live", request));
    }

    [Fact]
    public async Task An_api_that_is_not_ready_fails_the_run_before_it_starts()
    {
        using var http = new HttpClient(new Gate(1, HttpStatusCode.ServiceUnavailable)) { BaseAddress = new Uri("http://bench.test") };

        await Assert.ThrowsAsync<HttpRequestException>(() => ApiConnections.OpenAsync(http, 1));
    }

    /// <summary>Holds every request until <c>expected</c> are in flight together, then answers them all.</summary>
    private sealed class Gate(int expected, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
                if (Requests.Count == expected)
                {
                    _open.SetResult();
                }
            }
            await _open.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(status);
        }
    }
}
