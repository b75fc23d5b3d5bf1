using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Grader.IntegrationTests.Hardening;

/// <summary>
/// A 500 is logged once with its exception and trace id and appears in the state-change audit log; the 401 details say
/// what to send without telling an unknown key from a revoked one.
/// </summary>
public sealed class ErrorAndAuditTests
{
    [Fact]
    public async Task An_unhandled_error_is_logged_once_with_its_trace_id_and_audited_as_500()
    {
        var sink = new CapturedEvents();
        await using var stack = await ServiceStack.StartAsync(apiServices: services => services.AddSingleton<ILogEventSink>(sink));
        // A table gone missing is no transient failure: the regrade request fails with a 500.
        await stack.ScalarAsync("alter table regrade_jobs rename to regrade_jobs_gone; select 0");

        using var response = await stack.Http.PostAsJsonAsync("/api/v1/regrades", new { reason = "boom", dryRun = true });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {body}");
        var traceId = JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString()!;
        var errors = sink.Events.Where(e => e.Exception is not null && e.Level >= LogEventLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(error.TraceId!.Value.ToHexString(), traceId, StringComparison.Ordinal);
        var audit = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("{Method} {Path} by key", StringComparison.Ordinal));
        Assert.Equal("500", audit.Properties["StatusCode"].ToString());
        Assert.Contains(error.TraceId!.Value.ToHexString(), audit.Properties["TraceId"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_page_form_is_audited_once_under_its_own_address_not_the_error_page_that_renders_it()
    {
        var sink = new CapturedEvents();
        await using var stack = await ServiceStack.StartAsync(apiServices: services => services.AddSingleton<ILogEventSink>(sink));
        using var client = stack.CreateClient(null);

        // No antiforgery token: the sign-in form refuses it, and the HTML error page is rendered by running the request again.
        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var audit = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("{Method} {Path} by key", StringComparison.Ordinal));
        Assert.Equal("\"/signin\"", audit.Properties["Path"].ToString());
        Assert.Equal("400", audit.Properties["StatusCode"].ToString());
    }

    [Fact]
    public async Task Unknown_and_revoked_keys_get_one_detail_and_a_malformed_header_is_told_what_to_send()
    {
        await using var stack = await ServiceStack.StartAsync();
        var revoked = await stack.IssueApiKeyAsync(ApiKeyRole.Admin);
        await stack.Keys.RevokeAsync(revoked.Key.Id, CancellationToken.None);

        var unknown = await DetailAsync(stack, "Bearer " + ApiKeyToken.Generate());
        var wasRevoked = await DetailAsync(stack, "Bearer " + revoked.Token);
        var malformed = await DetailAsync(stack, "Basic dXNlcjpwYXNz");
        var missing = await DetailAsync(stack, null);

        Assert.Equal(unknown, wasRevoked);
        Assert.Contains("unknown or has been revoked", unknown, StringComparison.Ordinal);
        Assert.Contains("Bearer <key>", malformed, StringComparison.Ordinal);
        Assert.Contains("Bearer <key>", missing, StringComparison.Ordinal);
    }

    private static async Task<string> DetailAsync(ServiceStack stack, string? authorization)
    {
        using var client = stack.CreateClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/problems");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
    }

    private sealed class CapturedEvents : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => _events.ToList();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
