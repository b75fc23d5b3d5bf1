using System.Threading.RateLimiting;
using Grader.Api.Access;
using Grader.Api.Extensions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Grader.Api.Staff;

/// <summary>
/// The pages' share of the API's rate limiter (<see cref="ApiRateLimits"/>): a signed-in page request counts against its
/// session's key (<c>RateLimits:PerSession</c>), so staff behind one NAT or proxy do not share a budget; the sign-in form
/// and any page request without a session count per client address (<c>RateLimits:PerSignIn</c>), the only thing an
/// anonymous caller can reach. The limiter runs before the cookie handler, so the key is read from the session cookie
/// itself: decrypted and authenticated by data protection (nobody else can make one), without the key lookup, which the
/// cookie handler does next and which ends a revoked key's session whatever its budget.
/// </summary>
public static class PageRateLimits
{
    /// <returns>null for a request that is not for a page (the API's own partitions apply).</returns>
    public static RateLimitPartition<string>? Partition(HttpContext context, RateLimitOptions limits)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
        {
            return null;
        }

        return page.ViewEnginePath != StaffPages.SignInPage && SessionKey(context) is { } key
            ? ApiRateLimits.Window($"session:{key}", limits.PerSession)
            : ApiRateLimits.Window($"signin:{context.Connection.RemoteIpAddress}", limits.PerSignIn);
    }

    private static Guid? SessionKey(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(StaffSession.SchemeName);
        var cookie = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        var ticket = string.IsNullOrEmpty(cookie) ? null : options.TicketDataFormat.Unprotect(cookie);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return ticket is { Properties.ExpiresUtc: { } expires } && expires > now ? ApiCaller.From(ticket.Principal)?.KeyId : null;
    }
}
