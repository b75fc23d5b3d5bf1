using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Grader.Api.Access;

/// <summary>
/// Logs every request that may change state (anything but GET, HEAD, OPTIONS) with the key that made it
/// (<c>ApiKeyId</c>, null for the signed webhook without a key) and its <c>TraceId</c>; the key id is also a scope on every
/// line logged inside it. A request that ends in an unhandled exception is logged as answering 500 (the exception itself
/// is logged once, by the exception handler, with the same trace id).
/// The signed webhook, the busiest request by far, gets no line of its own: it has no key, and the request line
/// (<see cref="Grader.ServiceDefaults.RequestLogging"/>) already says its method, path, status and trace id, and the
/// submission id besides; <c>ApiKeyId</c> (null) is added to that line instead. One line a webhook instead of two saves
/// about 3 % of the API's CPU under load (docs/benchmarks.md).
/// </summary>
public sealed class StateChangeLog(RequestDelegate next, ILogger<StateChangeLog> logger, Serilog.IDiagnosticContext requestLine)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // A refused page request is run again to render its error page (PageErrors); the first run already logged it.
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || Staff.PageFailures.IsErrorPageRun(context))
        {
            await next(context);
            return;
        }

        if (SignedWebhook.Is(context))
        {
            requestLine.Set("ApiKeyId", null); // before the handler: an exception still reaches the request line with it
            await next(context);
            return;
        }

        var keyId = ApiCaller.From(context.User)?.KeyId;
        using (logger.BeginScope(new Dictionary<string, object?> { ["ApiKeyId"] = keyId }))
        {
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                logger.LogInformation("{Method} {Path} by key {ApiKeyId} answered {StatusCode} (trace {TraceId})",
                    context.Request.Method, context.Request.Path.Value, keyId, status,
                    Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
            }
        }
    }
}
