using Grader.Contracts.Webhooks;
using Microsoft.Extensions.Options;

namespace Grader.Api.Submissions;

/// <summary>Admits a webhook delivery only with a known source and a fresh, valid signature over the raw body.</summary>
public sealed class WebhookAuthenticator(IOptionsMonitor<WebhookOptions> options, TimeProvider clock)
{
    /// <returns>null when the delivery is authentic, else why not (for the 401 detail).</returns>
    public string? Reject(string? source, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(source))
        {
            return $"The {WebhookHeaders.Source} header is missing.";
        }

        if (!current.Sources.TryGetValue(source, out var configured) || string.IsNullOrEmpty(configured.Secret))
        {
            return $"Unknown source '{source}'.";
        }

        var now = clock.GetUtcNow();
        var check = WebhookSignature.Verify(configured.Secret, signatureHeader, rawBody, now, current.Tolerance);
        if (check == SignatureCheck.Mismatch && !string.IsNullOrEmpty(configured.PreviousSecret))
        {
            check = WebhookSignature.Verify(configured.PreviousSecret, signatureHeader, rawBody, now, current.Tolerance);
        }

        return check switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => $"The {WebhookHeaders.Signature} header is missing.",
            SignatureCheck.Malformed => $"The {WebhookHeaders.Signature} header is not of the form t=<unix seconds>,v1=<hex>.",
            SignatureCheck.Stale => "The signature timestamp is too far from the server clock.",
            _ => "The signature does not match the body.",
        };
    }
}
