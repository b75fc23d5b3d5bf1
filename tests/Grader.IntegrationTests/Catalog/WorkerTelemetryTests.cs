using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Catalog;

/// <summary>A worker exports traces and metrics over OTLP to a collector on loopback (here: a plain HTTP listener).</summary>
public sealed class WorkerTelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
    private readonly HttpListener _collector = new();
    private readonly CancellationTokenSource _stop = new();
    private ServiceStack _stack = null!;
    private string _endpoint = "";
    private Task _collecting = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _endpoint = $"http://127.0.0.1:{FreePort()}";
        _collector.Prefixes.Add(_endpoint + "/");
        _collector.Start();
        _collecting = CollectAsync();
        _stack = await ServiceStack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        await _stop.CancelAsync();
        _collector.Close();
        await _collecting;
        _stop.Dispose();
    }

    [Fact]
    public async Task Worker_exports_grade_latency_queue_depth_and_consume_traces_to_the_otlp_endpoint()
    {
        _stack.StartWorker(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["Telemetry__QueueDepthInterval"] = "00:00:01",
        });
        await _stack.WaitForConsumersAsync(1);

        using var response = await _stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await _stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(60));

        // OTLP protobuf carries names and string attributes as UTF-8, so they can be found in the raw bodies.
        await Eventually.HoldsAsync(() => Task.FromResult(
                Received("/v1/metrics", "grader.grade.duration") && Received("/v1/metrics", "grader.queue.depth")
                && Received("/v1/metrics", "grade-submission") && Received("/v1/traces", "grade-submission")),
            TimeSpan.FromSeconds(30), "metrics and traces at the collector");
        Assert.True(Received("/v1/traces", "Grader.Worker"));
    }

    private bool Received(string path, string text) => _received.Any(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal));

    private async Task CollectAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _collector.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
