using System.Globalization;

namespace Grader.ServiceDefaults.Settings;

/// <summary>
/// What is wrong with one options object, each failure naming its configuration key (<c>Worker:PrefetchCount must be
/// positive, not 0</c>), so a bad value stops the process at start with the key to fix rather than failing later.
/// </summary>
public sealed class SettingsCheck
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public SettingsCheck Positive(string key, int value) =>
        That(value > 0, key, "must be positive, not " + value.ToString(CultureInfo.InvariantCulture));

    public SettingsCheck Positive(string key, TimeSpan value) =>
        That(value > TimeSpan.Zero, key, "must be a positive time span, not " + value.ToString("c", CultureInfo.InvariantCulture));

    public SettingsCheck NotNegative(string key, int value) =>
        That(value >= 0, key, "must not be negative, not " + value.ToString(CultureInfo.InvariantCulture));

    public SettingsCheck NotNegative(string key, TimeSpan value) =>
        That(value >= TimeSpan.Zero, key, "must not be negative, not " + value.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>Records "<paramref name="key"/> <paramref name="problem"/>" unless <paramref name="ok"/>.</summary>
    public SettingsCheck That(bool ok, string key, string problem)
    {
        if (!ok)
        {
            _failures.Add($"{key} {problem}");
        }

        return this;
    }
}
