namespace Grader.Data.Access;

/// <summary>What a key may do: <c>lms</c> submits and reads its courses' submissions, <c>instructor</c> also queries them, <c>admin</c> everything.</summary>
public enum ApiKeyRole
{
    Lms,
    Instructor,
    Admin,
}

/// <summary>The role names as stored in <c>api_keys.role</c> and typed on the command line.</summary>
public static class ApiKeyRoles
{
    public static string Name(this ApiKeyRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ApiKeyRole role)
    {
        role = default;
        // Names only: Enum.TryParse would also take "1".
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out role);
    }
}
