using Grader.Api.Staff;
using Grader.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Extensions;

/// <summary>A database that is down or restarting is the server's trouble, not a bug: answer 503 so clients retry.</summary>
internal sealed class TransientFailureHandler(IProblemDetailsService problemDetails, ILogger<TransientFailureHandler> logger)
    : IExceptionHandler
{
    /// <summary>The retry a 503 asks for, of the API and of the pages alike: a database restart takes seconds.</summary>
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A page request gets the HTML error page instead (PageFailures); the middleware logs its failure.
        if (!TransientFailures.IsTransient(exception) || PageFailures.FailedOnPage(httpContext))
        {
            return false;
        }

        logger.LogWarning(exception, "Transient infrastructure failure on {Path}", httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable; retry later.",
            },
            Exception = exception,
        });
    }
}
