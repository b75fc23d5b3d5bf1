using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Grader.Contracts.Webhooks;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Passback;

/// <summary>
/// An LMS's grade receiver: a real HTTP server on loopback that checks every request's signature (401 when wrong) and
/// answers as scripted (500s, a 429 with Retry-After) before it accepts. It can go down (nothing listens) and come back,
/// be slow (a delay before each answer) or hang (hold every request unanswered until released, then refuse it). Requests are handled
/// concurrently, as a real server would.
/// </summary>
internal sealed class GradeReceiver : IAsyncDisposable
{
    private readonly string _secret;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly ConcurrentQueue<ReceivedEvent> _accepted = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
    private TaskCompletionSource? _hang;
    private HttpListener? _listener;
    private Task? _loop;
    private int _badSignatures;

    public GradeReceiver(string secret)
    {
        _secret = secret;
        Port = FreePorts.Next();
    }

    public int Port { get; }
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/grades");

    /// <summary>Events answered 2xx, in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Accepted => _accepted.ToList();

    /// <summary>Every correctly signed request with the status it got.</summary>
    public IReadOnlyList<Attempt> Attempts => _attempts.ToList();

    /// <summary>Every correctly signed request at its arrival, answered or not (what an LMS may have applied).</summary>
    public IReadOnlyList<ReceivedEvent> Received => _received.ToList();

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    /// <summary>How long each answer waits (a slow LMS).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>From now on every request is held, never answered, until <see cref="Release"/>.</summary>
    public void Hang() => Interlocked.CompareExchange(ref _hang, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>
    /// Answers the held requests 503 (a sender still waiting retries; one that gave up or died never reads it) and answers
    /// normally again. Not an abort: on Linux, <see cref="HttpListenerResponse.Abort"/> of a request whose headers were not
    /// sent answers it <c>200 OK</c>, so a sender still waiting would count as delivered an event this receiver never accepted.
    /// </summary>
    public void Release() => Interlocked.Exchange(ref _hang, null)?.TrySetResult();

    /// <summary>The next requests get these answers, in order, instead of 200.</summary>
    public void Answer(int status, int times = 1, string? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            _script.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Drops the scripted answers not given yet: every next request gets 200 (the receiver was fixed).</summary>
    public void ClearAnswers() => _script.Clear();

    public GradeReceiver Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));
        _listener.Start();
        var listener = _listener;
        _loop = Task.Run(() => ServeAsync(listener));
        return this;
    }

    public async Task StopAsync()
    {
        Release();
        _listener?.Stop();
        _listener?.Close();
        if (_loop is not null)
        {
            await _loop;
        }

        _listener = null;
        _loop = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The sender went away (timed out, or its process was killed) before the answer.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        context.Request.InputStream.CopyTo(body);
        var bytes = body.ToArray();
        var check = WebhookSignature.Verify(_secret, context.Request.Headers[WebhookHeaders.Signature], bytes, DateTimeOffset.UtcNow,
            WebhookSignature.DefaultTolerance);
        var received = check == SignatureCheck.Valid ? ReceivedEvent.Parse(bytes, context.Request.Headers[WebhookHeaders.EventId]) : null;
        if (received is null)
        {
            Interlocked.Increment(ref _badSignatures);
            Respond(context, 401, null);
            return;
        }

        _received.Enqueue(received);
        if (Volatile.Read(ref _hang) is { } hang)
        {
            await hang.Task;
            _attempts.Enqueue(new Attempt(received.Id, 503, DateTimeOffset.UtcNow));
            Respond(context, 503, null);
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        var (status, retryAfter) = _script.TryDequeue(out var scripted) ? scripted : (200, null);
        _attempts.Enqueue(new Attempt(received.Id, status, DateTimeOffset.UtcNow));
        if (status is >= 200 and < 300)
        {
            _accepted.Enqueue(received);
        }

        Respond(context, status, retryAfter);
    }

    private static void Respond(HttpListenerContext context, int status, string? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        context.Response.Close();
    }
}

/// <summary>One request the receiver answered, by event id.</summary>
internal sealed record Attempt(Guid EventId, int Status, DateTimeOffset At);

/// <summary>A verified event as the LMS reads it.</summary>
internal sealed record ReceivedEvent(Guid Id, string Type, Guid SubmissionId, string ExternalId, int Revision, double? Score,
    double? MaxScore, string Status, JsonElement Body)
{
    /// <returns>null when the event id header does not match the body's id.</returns>
    public static ReceivedEvent? Parse(byte[] bytes, string? eventIdHeader)
    {
        var root = JsonDocument.Parse(bytes).RootElement.Clone();
        var id = root.GetProperty("id").GetGuid();
        if (eventIdHeader != id.ToString())
        {
            return null;
        }

        return new ReceivedEvent(id, root.GetProperty("type").GetString()!, root.GetProperty("submissionId").GetGuid(),
            root.GetProperty("externalId").GetString()!, root.GetProperty("revision").GetInt32(), Number(root, "score"),
            Number(root, "maxScore"), root.GetProperty("status").GetString()!, root);
    }

    private static double? Number(JsonElement root, string name) =>
        root.GetProperty(name).ValueKind == JsonValueKind.Number ? root.GetProperty(name).GetDouble() : null;
}
