namespace Grader.Api.Access;

/// <summary>
/// Logs every request that may change state (anything but GET, HEAD, OPTIONS) with the key that made it
/// (<c>ApiKeyId</c>, null for the signed webhook without a key); the id is also a scope on every line logged inside it.
/// </summary>
public sealed class StateChangeLog(RequestDelegate next, ILogger<StateChangeLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        var keyId = ApiCaller.From(context.User)?.KeyId;
        using (logger.BeginScope(new Dictionary<string, object?> { ["ApiKeyId"] = keyId }))
        {
            await next(context);
            logger.LogInformation("{Method} {Path} by key {ApiKeyId} answered {StatusCode}",
                context.Request.Method, context.Request.Path.Value, keyId, context.Response.StatusCode);
        }
    }
}
