using System.Globalization;
using System.Net.Http.Headers;
using Grader.Contracts.Webhooks;
using Grader.Data.Passback;

namespace Grader.Worker.Passback;

/// <summary>What one send came to: delivered (2xx), or a failure with its reason and the receiver's <c>Retry-After</c>.</summary>
public sealed record SendOutcome(bool Delivered, string? Error, TimeSpan? RetryAfter);

/// <summary>Posts one signed event to a source's callback URL, exactly as the intake expects its own deliveries signed.</summary>
public sealed class GradeEventSender(HttpClient http, TimeProvider clock)
{
    public async Task<SendOutcome> SendAsync(ClaimedGradeEvent e, CallbackSource target, CancellationToken cancellationToken)
    {
        var body = GradeEventBody.Of(e);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(target.Secret!, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookHeaders.EventId, e.Id.ToString());
        request.Headers.Add(WebhookHeaders.EventType, e.Type);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new SendOutcome(true, null, null);
            }

            return new SendOutcome(false, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", RetryAfter(response.Headers.RetryAfter));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(false, string.Create(CultureInfo.InvariantCulture, $"no answer within {http.Timeout.TotalSeconds:0.#} s"), null);
        }
        catch (HttpRequestException exception)
        {
            return new SendOutcome(false, exception.Message, null);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
