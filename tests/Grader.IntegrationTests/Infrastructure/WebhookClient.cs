using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grader.Contracts.Webhooks;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>Posts submissions the way an LMS does: raw JSON body, <c>Grader-Source</c> and <c>Grader-Signature</c>.</summary>
public sealed class WebhookClient(HttpClient http, string source, string secret)
{
    public Task<HttpResponseMessage> PostAsync(object body) => PostRawAsync(JsonSerializer.Serialize(body));

    public Task<HttpResponseMessage> PostRawAsync(string body, DateTimeOffset? signedAt = null, string? signatureSecret = null,
        bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.Source, source);
        if (sign)
        {
            var unix = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
            request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(signatureSecret ?? secret, unix, bytes));
        }

        return http.SendAsync(request);
    }

    /// <summary>A body for <paramref name="problemId"/> with a fresh external id unless one is given.</summary>
    public static Dictionary<string, object?> Body(string problemId, object answers, string? externalId = null) => new()
    {
        ["externalId"] = externalId ?? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        ["course"] = "cs189",
        ["assignment"] = "dis4",
        ["problemId"] = problemId,
        ["studentId"] = "student-1",
        ["submittedAt"] = "2026-11-01T12:00:00Z",
        ["answers"] = answers,
    };
}
