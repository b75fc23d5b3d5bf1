namespace Grader.Data.Entities;

/// <summary>
/// The one spelling of every state and role: the enum member's name in lower case, as the schema's check constraints,
/// the API's JSON and the command line write it.
/// </summary>
public static class StoredNames
{
    public static string Name<T>(this T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Names only, in any letter case: <c>Enum.TryParse</c> alone would also take "1".</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out value);
    }

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    /// <summary>Every name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => v.Name()).ToList();
}
