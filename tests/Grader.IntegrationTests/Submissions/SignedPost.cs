using System.Globalization;
using System.Net.Http.Headers;
using Grader.Contracts.Webhooks;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

/// <summary>Webhook posts that <see cref="WebhookClient"/> cannot make: raw bytes, any Content-Type, any signing time.</summary>
internal static class SignedPost
{
    public static Task<HttpResponseMessage> SendAsync(ServiceStack stack, byte[] body, string? contentType = "application/json",
        long? unixSeconds = null, string source = ServiceStack.Source, string secret = ServiceStack.Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Add(WebhookHeaders.Source, source);
        request.Headers.Add(WebhookHeaders.Signature,
            WebhookSignature.Sign(secret, unixSeconds ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body));
        return stack.Http.SendAsync(request);
    }

    public static async Task<string> TextAsync(ServiceStack stack, string sql)
    {
        await using var command = stack.Db.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
