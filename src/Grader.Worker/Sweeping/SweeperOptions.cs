using Grader.ServiceDefaults.Settings;

namespace Grader.Worker.Sweeping;

/// <summary>The <c>Sweeper</c> section: how often to look for submissions that never reached or left the queue.</summary>
public sealed class SweeperOptions
{
    public const string Section = "Sweeper";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A submission still <c>queued</c> this long after it was last sent is sent again (the broker was down).</summary>
    public TimeSpan QueuedAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A submission <c>grading</c> this long is sent again (its message was lost with a broker's data).</summary>
    public TimeSpan GradingAge { get; set; } = TimeSpan.FromMinutes(15);

    public int BatchSize { get; set; } = 500;

    public static void Rules(SweeperOptions o, SettingsCheck check) => check
        .Positive($"{Section}:{nameof(Interval)}", o.Interval)
        .Positive($"{Section}:{nameof(QueuedAge)}", o.QueuedAge)
        .Positive($"{Section}:{nameof(GradingAge)}", o.GradingAge)
        .Positive($"{Section}:{nameof(BatchSize)}", o.BatchSize);
}
