using Grader.Api.Requests;
using Grader.Data.Access;
using Microsoft.AspNetCore.Authorization;

namespace Grader.Api.Access;

/// <summary>
/// Which roles may call what. Every endpoint needs a valid key unless it opts out (<c>AllowAnonymous</c>: the signed
/// webhook, health, OpenAPI), so an endpoint added later is closed by default; and every policy, the fallback included,
/// requires the endpoint to declare its course scoping (<see cref="CourseScopeDeclared"/>).
/// </summary>
public static class AccessPolicies
{
    /// <summary>Instructor queries: instructor and admin keys; lms keys get 403.</summary>
    public const string Instructor = "instructor";

    public static AuthorizationPolicy KeyHolder { get; } = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser().AddRequirements(new CourseScopeDeclared()).Build();

    public static IHostApplicationBuilder AddApiKeyAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCourseScope();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(KeyHolder)
            .SetDefaultPolicy(KeyHolder)
            .AddPolicy(Instructor, policy => policy.Combine(KeyHolder).RequireRole(ApiKeyRole.Instructor.Name(), ApiKeyRole.Admin.Name()));
        return builder;
    }

    /// <summary>
    /// Authentication, the rate limits (per key, so after authentication), the body limit, authorization and the audit log
    /// of state changes, in that order.
    /// </summary>
    public static IApplicationBuilder UseApiKeyAccess(this IApplicationBuilder app) =>
        app.UseAuthentication().UseRateLimiter().UseRequestBodyLimit().UseAuthorization().UseMiddleware<StateChangeLog>();
}
