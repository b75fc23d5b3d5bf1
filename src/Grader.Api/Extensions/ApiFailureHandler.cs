using Grader.Api.Staff;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Extensions;

/// <summary>
/// The last exception handler: a failure of the JSON API that no other handler answered is a 500 with ProblemDetails
/// (its trace id in the body), logged once here. A page request is left to the HTML error page (<see cref="PageFailures"/>).
/// </summary>
internal sealed class ApiFailureHandler(IProblemDetailsService problemDetails, ILogger<ApiFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (PageFailures.FailedOnPage(httpContext))
        {
            return false;
        }

        // A handled exception is not logged by the middleware (.NET 10): this is its one log line.
        // The request's path is already the error page's: the feature keeps the one that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError },
            Exception = exception,
        });
    }
}
