using System.Security.Claims;
using Grader.Api.Access;
using Grader.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Grader.Api.Staff;

/// <summary>
/// The staff pages' session: an encrypted cookie (HttpOnly, SameSite=Strict, Secure when the request is HTTPS) that holds
/// the API key's id, role and courses as the same claims an API request gets (<see cref="ApiCaller"/>), so the same
/// <see cref="CourseScope"/> limits what the pages read. The key is looked up again on every request: a revoked (or
/// deleted) key ends its sessions at their next request, and nothing else is cached. The cookie never authenticates an
/// API call: the API's policies name the key scheme only.
/// </summary>
public static class StaffSession
{
    public const string SchemeName = "StaffSession";

    /// <summary>Instructor and admin keys signed in to the pages, on a page that declares its course scoping.</summary>
    public const string Policy = "staff-session";

    public const string CookieName = "grader.session";

    public static IHostApplicationBuilder AddStaffSession(this IHostApplicationBuilder builder)
    {
        builder.AddSessionKeyRing();
        builder.Services.AddAuthentication().AddCookie(SchemeName, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateKeyAsync;
            // A signed-in key that may not see a page gets a plain 403, not a redirect to a page that does not exist.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, new AuthorizationPolicyBuilder(SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(ApiKeyRole.Instructor.Name(), ApiKeyRole.Admin.Name())
            .AddRequirements(new CourseScopeDeclared())
            .Build());
        return builder;
    }

    /// <summary>Whether a key may sign in to the pages; the reason shown when it may not.</summary>
    public static string? Refusal(ApiKey? key) => key switch
    {
        null or { IsRevoked: true } => "This API key is unknown or has been revoked.",
        { Role: ApiKeyRole.Lms } => "An lms key cannot sign in to the staff pages: use an instructor or admin key.",
        _ => null,
    };

    /// <summary>The session's principal: the API's claims of the key, and its name for the page header.</summary>
    public static ClaimsPrincipal Principal(ApiKey key) => new(new ClaimsIdentity(
        ApiCaller.ToClaims(key).Append(new Claim(ClaimTypes.Name, key.Name)), SchemeName, ClaimTypes.Name, ClaimTypes.Role));

    private static async Task ValidateKeyAsync(CookieValidatePrincipalContext context)
    {
        // The page for a failure renders signed out rather than ask the database, which may be what failed; the cookie stays.
        if (PageFailures.IsFailurePageRun(context.HttpContext))
        {
            context.RejectPrincipal();
            return;
        }

        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        var caller = context.Principal is { } principal ? ApiCaller.From(principal) : null;
        var key = caller is null ? null : await keys.FindByIdAsync(caller.KeyId, context.HttpContext.RequestAborted);
        if (Refusal(key) is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
            return;
        }

        // The stored key's courses and role, not the cookie's copy.
        context.ReplacePrincipal(Principal(key!));
    }
}
