using Grader.Api.Submissions;
using Grader.ServiceDefaults.Settings;

namespace Grader.Api.Extensions;

/// <summary>
/// What the <c>Webhooks</c> section must hold for intake to work: a zero tolerance refuses every signature, a zero body
/// limit every delivery, and a negative skew every submission. Each configured source must pass
/// <see cref="WebhookSourceRule"/>, the rule the worker applies to the same section.
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
            WebhookSourceRule.Check(name, source.Secret, source.PreviousSecret, source.CallbackUrl, check);
        }
    }
}
