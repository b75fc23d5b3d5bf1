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
    /// of state changes, in that order. The signed webhook skips authentication and authorization: it takes no key (it is
    /// anonymous and checks its HMAC signature itself), yet both ran the key handler for it on every delivery (about 4 %
    /// of the API's CPU under a burst of webhooks, docs/benchmarks.md). Its rate limit is by source, not by key.
    /// </summary>
    public static IApplicationBuilder UseApiKeyAccess(this IApplicationBuilder app)
    {
        app.UseWhen(TakesKey, keyed => keyed.UseAuthentication())
            .UseRateLimiter().UseRequestBodyLimit()
            .UseWhen(TakesKey, keyed => keyed.UseAuthorization())
            .UseMiddleware<StateChangeLog>();
        // WebApplication adds both middlewares again, for every request, at the start of the pipeline unless the app
        // itself (not a branch) says they are set, by these keys of ASP.NET Core's Use… methods. WebhookLogLineTests
        // fails if the key handler ever runs for the webhook again.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        app.Properties["__AuthorizationMiddlewareSet"] = true;
        return app;
    }

    // Routing has run (WebApplication routes first), so the endpoint is known; no endpoint (a 404) still authenticates.
    private static bool TakesKey(HttpContext context) => !SignedWebhook.Is(context);
}
