using System.Text;
using Grader.Api.Access;
using Grader.Data.Lti;

namespace Grader.Api.Lti;

/// <summary>
/// <c>/.well-known/jwks.json</c>: the tool's public signing keys (the current one and the previous one, each with its
/// kid), which platforms fetch to verify our client assertions. Anonymous, as platforms fetch it without our keys.
/// </summary>
public static class JwksApi
{
    public static IEndpointRouteBuilder MapJwksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", GetJwks)
            .AllowAnonymous()
            .ExemptFromCourseScope("public signing keys of the tool: no course data")
            .WithTags("LTI")
            .WithName("GetJwks")
            .WithSummary("The tool's public keys (JWKS) for LTI 1.3: current and previous, by kid");
        return app;
    }

    public static async Task<IResult> GetJwks(ToolKeyRing keys, HttpResponse response, CancellationToken cancellationToken)
    {
        var served = await keys.PublicKeysAsync(cancellationToken);
        // Short caching: a platform sees a rotated key within minutes, and the previous key stays served meanwhile.
        response.Headers.CacheControl = "public, max-age=300";
        var json = new StringBuilder("{\"keys\":[").AppendJoin(',', served.Select(k => k.Jwk)).Append("]}").ToString();
        return Results.Text(json, "application/json", Encoding.UTF8);
    }
}
