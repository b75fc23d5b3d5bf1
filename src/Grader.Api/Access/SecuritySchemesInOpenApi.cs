using Grader.Contracts.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grader.Api.Access;

/// <summary>
/// Writes the two ways in into the OpenAPI document, so a generated client knows what to send: an API key as a bearer
/// token on every endpoint that needs one (all but those marked <c>AllowAnonymous</c>, as the fallback policy decides),
/// and the HMAC signature header on the webhook. An operation that only some roles may call names them in its bearer
/// requirement (OpenAPI 3.1 allows role names there for non-OAuth schemes), e.g. <c>{"apiKey": ["instructor", "admin"]}</c>
/// on the manual grading and query endpoints, so a reader of the document knows an lms key gets 403 there.
/// </summary>
public sealed class SecuritySchemesInOpenApi : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKey = "apiKey";
    public const string WebhookSignature = "webhookSignature";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "grk_…",
            Description = "An API key issued by `grader keys create --role lms|instructor|admin [--course C]…`, sent as " +
                          "`Authorization: Bearer grk_…`. A key sees only its courses; another course's ids answer 404.",
        };
        document.Components.SecuritySchemes[WebhookSignature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = WebhookHeaders.Signature,
            Description = "`t=<unix seconds>,v1=<hex HMAC-SHA256(source secret, \"<t>.<raw body>\")>`, within 5 minutes of " +
                          $"the server's clock. The LMS source (which selects the secret) is named by the `{WebhookHeaders.Source}` header.",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scheme = metadata.OfType<SignedWebhook>().Any() ? WebhookSignature
            : metadata.OfType<IAllowAnonymous>().Any() ? null
            : ApiKey;
        if (scheme is not null)
        {
            var roles = scheme == ApiKey ? await RolesAsync(metadata, context.ApplicationServices) : [];
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = roles });
        }
    }

    /// <summary>
    /// The roles every authorization requirement of the endpoint lets in (their intersection), from its policies, named or
    /// given as objects; empty when any key may call it.
    /// </summary>
    private static async Task<List<string>> RolesAsync(IList<object> metadata, IServiceProvider services)
    {
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            if (data.Policy is { } name && await provider.GetPolicyAsync(name) is { } named)
            {
                policies.Add(named);
            }
        }

        IEnumerable<string>? roles = null;
        foreach (var requirement in policies.SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>())
        {
            roles = roles is null ? requirement.AllowedRoles : roles.Intersect(requirement.AllowedRoles, StringComparer.Ordinal);
        }

        return roles?.Distinct(StringComparer.Ordinal).ToList() ?? [];
    }
}
