namespace Grader.ServiceDefaults.Settings;

/// <summary>
/// What a configured <c>Webhooks:Sources:&lt;source&gt;</c> entry must hold, the one rule for both hosts (the API reads
/// its secrets to check deliveries; the worker signs grade events with them and sends them to its <c>CallbackUrl</c>),
/// so a source one process accepts is never refused or silently dropped by the other: a <c>Secret</c> that is not blank
/// (a blank one is an HMAC key anyone can sign with; a missing one a half-done set-up whose deliveries would all be 401
/// and whose callback would never be sent), a <c>PreviousSecret</c> that is unset or not blank, and a <c>CallbackUrl</c>
/// that is unset or an absolute http(s) URL.
/// </summary>
public static class WebhookSourceRule
{
    public const string SourcesSection = "Webhooks:Sources";

    /// <summary>Records every fault of source <paramref name="name"/>, each under its own key.</summary>
    public static void Check(string name, string? secret, string? previousSecret, string? callbackUrl, SettingsCheck check)
    {
        var key = $"{SourcesSection}:{name}";
        check
            .That(IsSecret(secret), $"{key}:Secret",
                "must be set (the source's signing secret; a blank one is a key anyone can sign with)")
            // Empty means unset (an environment variable cleared after a rotation); blank but not empty is a key.
            .That(string.IsNullOrEmpty(previousSecret) || IsSecret(previousSecret), $"{key}:PreviousSecret",
                "must not be blank when set")
            .That(string.IsNullOrEmpty(callbackUrl) || IsHttpUrl(callbackUrl), $"{key}:CallbackUrl",
                "must be an absolute http(s) URL when set");
    }

    /// <summary>Whether a source's grades are stored as events and sent: it has a callback URL (and, being valid, a secret).</summary>
    public static bool SendsGrades(string? callbackUrl, string? secret) => !string.IsNullOrWhiteSpace(callbackUrl) && IsSecret(secret);

    private static bool IsSecret(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool IsHttpUrl(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
