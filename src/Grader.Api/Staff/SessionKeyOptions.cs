using Grader.Data.Secrets;
using Grader.ServiceDefaults.Settings;

namespace Grader.Api.Staff;

/// <summary>
/// The <c>Sessions</c> section: the key that encrypts the session key ring at rest (<c>Sessions:KeyEncryptionKey</c>, 32
/// random bytes, base64; the same value on every API instance). Required outside Development: whoever could read an
/// unencrypted ring from the database could make a session cookie for any unrevoked staff key.
/// </summary>
public sealed class SessionKeyOptions
{
    public const string Section = "Sessions";
    public const string SettingKey = $"{Section}:{nameof(KeyEncryptionKey)}";

    public string? KeyEncryptionKey { get; set; }

    public bool Encrypts => !string.IsNullOrWhiteSpace(KeyEncryptionKey);

    public static Action<SessionKeyOptions, SettingsCheck> Rules(bool isDevelopment) => (o, check) =>
    {
        if (o.Encrypts)
        {
            check.That(Grader.Data.Secrets.KeyEncryptionKey.IsValid(o.KeyEncryptionKey), SettingKey,
                "must be 32 bytes, base64 (e.g. `openssl rand -base64 32`)");
        }
        else
        {
            check.That(isDevelopment, SettingKey,
                "must be set outside Development (32 random bytes, base64, e.g. `openssl rand -base64 32`; the same on every API instance)");
        }
    };

    public KeyEncryptionKey Key() => new(SettingKey, KeyEncryptionKey);
}
