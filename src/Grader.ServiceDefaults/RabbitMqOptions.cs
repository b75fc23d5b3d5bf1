using Grader.ServiceDefaults.Settings;

namespace Grader.ServiceDefaults;

/// <summary>The <c>RabbitMq</c> configuration section (e.g. <c>RabbitMq__Host</c>, <c>RabbitMq__VirtualHost</c>).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>
    /// Checked at start: the bus connects in the background (a process starts while the broker is down), so a port out of
    /// range or an empty host would otherwise only show as reconnect warnings, and no message would ever move.
    /// </summary>
    public static void Rules(RabbitMqOptions o, SettingsCheck check) => check
        .That(!string.IsNullOrWhiteSpace(o.Host), $"{Section}:{nameof(Host)}", "must be set")
        .That(o.Port is > 0 and <= ushort.MaxValue, $"{Section}:{nameof(Port)}",
            "must be a TCP port (1-65535), not " + o.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .That(!string.IsNullOrEmpty(o.VirtualHost), $"{Section}:{nameof(VirtualHost)}", "must be set (the default vhost is /)")
        .That(!string.IsNullOrEmpty(o.Username), $"{Section}:{nameof(Username)}", "must be set");
}
