using Grader.Data.Access;
using Microsoft.AspNetCore.Authorization;

namespace Grader.Api.Access;

/// <summary>
/// Which roles may call what. Every endpoint needs a valid key unless it opts out (<c>AllowAnonymous</c>: the signed
/// webhook, health, OpenAPI), so an endpoint added later is closed by default.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Instructor queries: instructor and admin keys; lms keys get 403.</summary>
    public const string Instructor = "instructor";

    public static IHostApplicationBuilder AddApiKeyAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Instructor, policy => policy.RequireAuthenticatedUser()
                .RequireRole(ApiKeyRole.Instructor.Name(), ApiKeyRole.Admin.Name()));
        return builder;
    }

    /// <summary>Authentication, authorization and the audit log of state changes, in that order.</summary>
    public static IApplicationBuilder UseApiKeyAccess(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseMiddleware<StateChangeLog>();
}
