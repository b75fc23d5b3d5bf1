using Grader.ServiceDefaults.Settings;
using Grader.Worker.Passback;

namespace Grader.Worker.Lti;

/// <summary>
/// The worker's <c>Lti</c> section: the key that decrypts the tool's private keys (<c>Lti:KeyEncryptionKey</c>, 32 bytes
/// base64, the same value <c>grader lti keys rotate</c> encrypted them with), and how Score posts are retried
/// (<c>Lti:Delivery</c>, the webhook deliveries' settings and defaults: 10 s timeout, 24 h before dead).
/// </summary>
public sealed class LtiOptions
{
    public const string Section = "Lti";

    public string? KeyEncryptionKey { get; set; }

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>How often the dispatcher looks for platforms registered since it started (each gets a loop of its own).</summary>
    public TimeSpan PlatformRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An access token is used until this long before it expires (or half its life, when that is shorter).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The key may be unset (no LTI platform yet: a Score post then records why it failed), but a set key that is not 32
    /// bytes of base64 is a typo that would fail every post.
    /// </summary>
    public static void Rules(LtiOptions o, SettingsCheck check)
    {
        check.That(string.IsNullOrWhiteSpace(o.KeyEncryptionKey) || Grader.Data.Secrets.KeyEncryptionKey.IsValid(o.KeyEncryptionKey),
                $"{Section}:{nameof(KeyEncryptionKey)}", "must be 32 bytes, base64 (e.g. `openssl rand -base64 32`), when set")
            .Positive($"{Section}:{nameof(PlatformRefresh)}", o.PlatformRefresh)
            .NotNegative($"{Section}:{nameof(TokenRefreshMargin)}", o.TokenRefreshMargin);
        o.Delivery.Check($"{Section}:{nameof(Delivery)}", check);
    }
}
