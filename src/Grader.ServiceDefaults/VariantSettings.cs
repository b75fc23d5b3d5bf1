using Grader.ServiceDefaults.Settings;

namespace Grader.ServiceDefaults;

/// <summary>The <c>Variants</c> section's counts (the salt is read as text by <see cref="StudentVariantsSetup"/>).</summary>
public sealed class VariantSettings
{
    public const string Section = "Variants";

    /// <summary>Variants kept built, least recently used out.</summary>
    public int CacheSize { get; set; } = 1024;

    /// <summary>A zero or negative size is a typo: the cache would keep one variant and rebuild every other student's.</summary>
    public static void Rules(VariantSettings o, SettingsCheck check) =>
        check.Positive($"{Section}:{nameof(CacheSize)}", o.CacheSize);
}
