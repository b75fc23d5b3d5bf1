namespace Grader.Data.Passback;

/// <summary>
/// The LMS sources that have a callback URL: only their grades are stored as outgoing events (a source without one would
/// pile up events nobody sends). Empty unless the worker registers its configured sources.
/// </summary>
public sealed class GradeEventSources(IEnumerable<string> names)
{
    public static GradeEventSources None { get; } = new([]);

    public string[] Names { get; } = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public bool Includes(string source) => Names.Contains(source, StringComparer.Ordinal);
}
