using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Grader.Contracts.Webhooks;

namespace Grader.Cli.Commands;

/// <summary>
/// What a receiver of grade events does, in a few lines: verify the signature (401 if wrong), acknowledge with 200, skip
/// an event id seen before (a retry) and a revision older than one applied (a late redelivery), apply the rest.
/// </summary>
internal sealed class GradeEventListener(string secret, TextWriter output, TextWriter errors)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _revisions = new(StringComparer.Ordinal);

    public async Task RunAsync(int port, int maxEvents, CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        listener.Start();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"listening on http://127.0.0.1:{port}/ (set Webhooks:Sources:<source>:CallbackUrl to it)"));
        await output.FlushAsync(cancellationToken);
        await using var stop = cancellationToken.Register(listener.Stop);
        var verified = 0;
        while (!cancellationToken.IsCancellationRequested && (maxEvents <= 0 || verified < maxEvents))
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested
                                              && exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (await HandleAsync(context, cancellationToken))
            {
                verified++;
            }
        }
    }

    private async Task<bool> HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var check = WebhookSignature.Verify(secret, context.Request.Headers[WebhookHeaders.Signature], body, DateTimeOffset.UtcNow,
            WebhookSignature.DefaultTolerance);
        if (check != SignatureCheck.Valid)
        {
            context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
            context.Response.Close();
            await errors.WriteLineAsync($"rejected: signature {check.ToString().ToLowerInvariant()}");
            return false;
        }

        context.Response.StatusCode = (int)HttpStatusCode.OK;
        context.Response.Close();
        await output.WriteLineAsync(Describe(body, context.Request.Headers[WebhookHeaders.EventId]));
        await output.WriteLineAsync(Encoding.UTF8.GetString(body));
        await output.FlushAsync(cancellationToken);
        return true;
    }

    private string Describe(byte[] body, string? eventId)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var submission = root.GetProperty("submissionId").GetString()!;
        var revision = root.GetProperty("revision").GetInt32();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{root.GetProperty("type").GetString()} {eventId} submission {submission} revision {revision} score {root.GetProperty("score")}/{root.GetProperty("maxScore")}");
        if (!_seen.Add(eventId ?? ""))
        {
            return line + " (seen before: a retry, ignore)";
        }

        if (_revisions.TryGetValue(submission, out var applied) && applied > revision)
        {
            return line + string.Create(CultureInfo.InvariantCulture, $" (older than revision {applied}: ignore)");
        }

        _revisions[submission] = revision;
        return line;
    }
}
