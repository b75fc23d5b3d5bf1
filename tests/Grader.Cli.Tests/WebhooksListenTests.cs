using System.Net;
using System.Net.Sockets;
using System.Text;
using Grader.Cli.Commands;
using Grader.Contracts.Webhooks;

namespace Grader.Cli.Tests;

public sealed class WebhooksListenTests
{
    private const string Secret = "lms-secret";

    [Fact]
    public async Task Listener_rejects_a_wrong_signature_prints_verified_events_and_marks_a_retry_and_a_stale_revision()
    {
        var port = FreePort();
        var output = new StringWriter();
        var errors = new StringWriter();
        var listening = new GradeEventListener(Secret, output, errors).RunAsync(port, 3, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Event("e1", 2), "wrong-secret"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Event("e2", 2), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Event("e2", 2), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Event("e1", 1), Secret));
        await listening.WaitAsync(TimeSpan.FromSeconds(10));

        var lines = output.ToString().Split('\n').Where(l => l.StartsWith("submission.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.EndsWith("revision 2 score 3/4", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("(seen before: a retry, ignore)", lines[1], StringComparison.Ordinal);
        Assert.Contains("(older than revision 2: ignore)", lines[2], StringComparison.Ordinal);
        Assert.Contains("rejected: signature mismatch", errors.ToString(), StringComparison.Ordinal);
    }

    private static (string Id, string Body) Event(string id, int revision) => (id,
        $$"""{"id":"{{id}}","type":"submission.graded","submissionId":"s1","revision":{{revision}},"score":3,"maxScore":4}""");

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, (string Id, string Body) e, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(e.Body);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "grades") { Content = new ByteArrayContent(bytes) };
            request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bytes));
            request.Headers.Add(WebhookHeaders.EventId, e.Id);
            try
            {
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                // The listener may not be up yet.
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
