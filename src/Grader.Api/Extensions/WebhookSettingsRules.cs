using Grader.Api.Submissions;
using Grader.ServiceDefaults.Settings;

namespace Grader.Api.Extensions;

/// <summary>
/// What the <c>Webhooks</c> section must hold for intake to work: a zero tolerance refuses every signature, a zero body
/// limit every delivery, and a negative skew every submission. A configured source without a secret (or with a blank one)
/// is refused too: a blank secret is an HMAC key anyone can sign with, and a source left without one is a half-done set-up
/// whose deliveries would all be 401.
/// </summary>
internal static class WebhookSettingsRules
{
    public static void Check(WebhookOptions o, SettingsCheck check)
    {
        check
            .Positive($"{WebhookOptions.Section}:{nameof(o.Tolerance)}", o.Tolerance)
            .NotNegative($"{WebhookOptions.Section}:{nameof(o.MaxClockSkew)}", o.MaxClockSkew)
            .Positive($"{WebhookOptions.Section}:{nameof(o.MaxBodyBytes)}", o.MaxBodyBytes);
        foreach (var (name, source) in o.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var key = $"{WebhookOptions.Section}:{nameof(o.Sources)}:{name}";
            check
                .That(!string.IsNullOrWhiteSpace(source.Secret), $"{key}:{nameof(source.Secret)}",
                    "must be set (the source's signing secret; a blank one is a key anyone can sign with)")
                // Empty means unset (an environment variable cleared after a rotation); blank but not empty is a key.
                .That(string.IsNullOrEmpty(source.PreviousSecret) || !string.IsNullOrWhiteSpace(source.PreviousSecret),
                    $"{key}:{nameof(source.PreviousSecret)}", "must not be blank when set");
        }
    }
}
