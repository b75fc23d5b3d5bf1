using System.Security.Claims;
using System.Text.Encodings.Web;
using Grader.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grader.Api.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: finds the key by its hash. A missing key or a header that is not
/// <c>Bearer &lt;key&gt;</c> gets 401 saying what to send; an unknown and a revoked key get the same 401 detail, so a
/// guesser cannot learn that a key once existed. A key whose role may never call the endpoint gets 403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";
    private const string UnknownOrRevoked = "The API key is unknown or has been revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        var key = await keys.FindByTokenAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            return AuthenticateResult.Fail(UnknownOrRevoked);
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(ApiCaller.ToClaims(key), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        // This request's own result (cached by the handler): the middleware keeps only successful ones in its feature.
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await WriteAsync(StatusCodes.Status401Unauthorized, "An API key is required.",
            failure ?? "Send 'Authorization: Bearer <key>'; keys are issued with 'grader keys create'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "This key's role may not call this endpoint.", null);

    private async Task WriteAsync(int status, string title, string? detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
