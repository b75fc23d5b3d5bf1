using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grader.Api.Extensions;

/// <summary>
/// The OpenAPI document's <c>servers</c>: the configured <c>Api:PublicBaseUrl</c>, or none. Never the request's Host
/// header, which a client chooses (and a cache or a proxy could then serve to others).
/// </summary>
public sealed class PublicServerInOpenApi(IConfiguration configuration) : IOpenApiDocumentTransformer
{
    public const string Setting = "Api:PublicBaseUrl";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = configuration[Setting] is { Length: > 0 } url ? [new OpenApiServer { Url = url.TrimEnd('/') }] : [];
        return Task.CompletedTask;
    }
}
