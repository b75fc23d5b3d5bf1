using Grader.Api.Staff;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Requests;

/// <summary>
/// The server's own refusal of a request while a handler reads it (a chunked body over the limit: 413, a body cut short:
/// 400) keeps its status instead of becoming a 500.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted || PageFailures.FailedOnPage(httpContext))
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = bad.Message },
            Exception = exception,
        });
    }
}
