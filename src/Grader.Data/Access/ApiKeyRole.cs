using Grader.Data.Entities;

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
    public static string Name(this ApiKeyRole role) => StoredNames.Name(role);

    public static bool TryParse(string? text, out ApiKeyRole role) => StoredNames.TryParse(text, out role);
}
