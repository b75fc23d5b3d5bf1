using Grader.Api.Access;
using Grader.Api.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grader.Api.Requests;

/// <summary>
/// A body limit on every endpoint (<c>RateLimits:MaxBodyBytes</c>, 64 KiB: a regrade request is a few hundred bytes)
/// instead of Kestrel's 30 MB; the signed webhook reads its body itself with <c>Webhooks:MaxBodyBytes</c>. A declared
/// length over the limit is refused at once; a chunked body is cut by the server (see <see cref="BadRequestHandler"/>).
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SignedWebhook>() is not null)
        {
            await next(context);
            return;
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = $"The body is larger than {limit} bytes." },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        await next(context);
    });
}
