namespace Grader.Api.Access;

/// <summary>
/// Marks an endpoint that an LMS calls with an HMAC signature instead of an API key: it skips the key check (the
/// handler verifies the signature itself) and is documented with the signature scheme.
/// </summary>
public sealed class SignedWebhook
{
    private static readonly SignedWebhook Marker = new();

    private SignedWebhook()
    {
    }

    /// <summary>Whether the request was routed to a signed webhook.</summary>
    public static bool Is(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<SignedWebhook>() is not null;

    public static RouteHandlerBuilder Require(RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().WithMetadata(Marker)
            .ExemptFromCourseScope("called by an LMS with a signature, not a key; it reads no stored course data");
}
