using Grader.ServiceDefaults.Settings;

namespace Grader.Worker.Telemetry;

/// <summary>The worker's <c>Telemetry</c> section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>How often the queue depth gauge reads the broker's counts.</summary>
    public TimeSpan QueueDepthInterval { get; set; } = TimeSpan.FromSeconds(15);

    public static void Rules(TelemetryOptions o, SettingsCheck check) =>
        check.Positive($"{Section}:{nameof(QueueDepthInterval)}", o.QueueDepthInterval);
}
