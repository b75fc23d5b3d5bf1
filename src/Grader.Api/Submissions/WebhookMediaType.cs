using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grader.Api.Submissions;

/// <summary>
/// The webhook's body type, checked in the handler rather than by route matching: the router's own 415 endpoint is not
/// anonymous, so a wrong Content-Type would meet the API-key check and answer 401. The body is still documented in OpenAPI.
/// </summary>
internal static class WebhookMediaType
{
    public const string Json = "application/json";

    /// <summary>application/json, with or without a charset; also the +json suffix types.</summary>
    public static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ?? false))
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static RouteHandlerBuilder DocumentsJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = schema } },
            };
        });
}
