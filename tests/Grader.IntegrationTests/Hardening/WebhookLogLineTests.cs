using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Grader.Api.Access;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Grader.IntegrationTests.Hardening;

/// <summary>
/// The signed webhook is the API's busiest request: it is logged on one line that still carries every field an operator
/// traces it by, and it never runs the API-key handler (it authenticates by its signature).
/// </summary>
public sealed class WebhookLogLineTests
{
    private const string AuditTemplate = "{Method} {Path} by key";
    private const string RequestTemplate = "HTTP {RequestMethod} {RequestPath}";

    // The tests log Warning and up but Grader's own categories; the request lines are Serilog.AspNetCore's.
    private static readonly Dictionary<string, string> RequestLines = new() { ["Logging:LogLevel:Serilog.AspNetCore"] = "Information" };

    [Fact]
    public async Task An_accepted_webhook_is_one_log_line_with_its_submission_id_status_trace_and_no_key()
    {
        var sink = new CapturedEvents();
        await using var stack = await ServiceStack.StartAsync(apiSettings: RequestLines, apiServices: services => services.AddSingleton<ILogEventSink>(sink));

        using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<AcceptedBody>())!.Id;
        var line = await WaitForAsync(sink, e => e.MessageTemplate.Text.StartsWith(RequestTemplate, StringComparison.Ordinal)
            && e.Properties.TryGetValue("SubmissionId", out var logged) && logged.ToString() == id.ToString());
        Assert.Equal("\"POST\"", line.Properties["RequestMethod"].ToString());
        Assert.Equal("\"/api/v1/submissions\"", line.Properties["RequestPath"].ToString());
        Assert.Equal("202", line.Properties["StatusCode"].ToString());
        Assert.True(line.Properties.ContainsKey("Elapsed"));
        Assert.Equal(32, line.Properties["TraceId"].ToString().Trim('"').Length);
        Assert.Equal("null", line.Properties["ApiKeyId"].ToString());
        // The audit line is written inside the request line's middleware, so it would be in the sink by now.
        Assert.DoesNotContain(sink.Events, e => e.MessageTemplate.Text.StartsWith(AuditTemplate, StringComparison.Ordinal)
            && e.Properties["Path"].ToString() == "\"/api/v1/submissions\"");
    }

    [Fact]
    public async Task A_webhook_sent_with_an_unknown_key_is_accepted_by_its_signature_without_a_key_lookup()
    {
        var sink = new CapturedEvents();
        await using var stack = await ServiceStack.StartAsync(apiSettings: RequestLines, apiServices: services => services.AddSingleton<ILogEventSink>(sink));
        using var http = stack.CreateClient("not-a-key");
        var webhook = new WebhookClient(http, ServiceStack.Source, ServiceStack.Secret);

        using var response = await webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForAsync(sink, e => e.MessageTemplate.Text.StartsWith(RequestTemplate, StringComparison.Ordinal)
            && e.Properties["StatusCode"].ToString() == "202");
        // The key handler logs every key it refuses ("ApiKey was not authenticated"); for the webhook it never runs.
        Assert.DoesNotContain(sink.Events, e => e.Properties.TryGetValue("SourceContext", out var context)
            && context.ToString() == $"\"{typeof(ApiKeyAuthenticationHandler).FullName}\"");
    }

    private static async Task<LogEvent> WaitForAsync(CapturedEvents sink, Func<LogEvent, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = sink.Events.Where(match).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(found);
            }

            await Task.Delay(50);
        }
    }

    private sealed record AcceptedBody(Guid Id);

    private sealed class CapturedEvents : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => _events.ToList();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
