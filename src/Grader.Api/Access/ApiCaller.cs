using System.Security.Claims;
using Grader.Data.Access;

namespace Grader.Api.Access;

/// <summary>The key behind a request, as claims: its id, role and courses.</summary>
public sealed record ApiCaller(Guid KeyId, ApiKeyRole Role, IReadOnlySet<string> Courses)
{
    private const string CourseClaim = "grader:course";

    /// <summary>
    /// What the data layer's reads are limited to: every course for an admin key, the key's own otherwise. Another course
    /// answers 404, never 403 (<see cref="CourseScoping"/>).
    /// </summary>
    public CourseScope Scope => Role == ApiKeyRole.Admin ? CourseScope.All : CourseScope.Of(Courses);

    public static IEnumerable<Claim> ToClaims(ApiKey key) =>
        new[] { new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()), new Claim(ClaimTypes.Role, key.Role.Name()) }
            .Concat(key.Courses.Select(course => new Claim(CourseClaim, course)));

    /// <returns>null for an anonymous request (only the webhook admits one).</returns>
    public static ApiCaller? From(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !ApiKeyRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new ApiCaller(id, role, user.FindAll(CourseClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
