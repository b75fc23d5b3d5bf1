using Grader.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Grader.Api.Staff;

/// <summary>
/// A page request that fails (a bug: 500; the database down or restarting: 503; the server refusing the body it reads:
/// its 4xx) gets the HTML error page in the layout, as a refused one does (<see cref="PageErrors"/>): the request runs
/// again at <c>/error</c>. The JSON API answers its failures with ProblemDetails first, through the exception handlers
/// (<c>TransientFailureHandler</c>, <c>BadRequestHandler</c>, <c>ApiFailureHandler</c>), so only page requests reach the page.
/// </summary>
public static class PageFailures
{
    /// <summary>In place of <c>UseExceptionHandler()</c>.</summary>
    public static WebApplication UseExceptionHandlerOrErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = PageErrors.Path,
            StatusCodeSelector = StatusFor,
            // Services of their own for the page's run: the failed run's authentication handler keeps its result, and a
            // session check that failed with the database would fail the page too.
            CreateScopeForErrors = true,
        });
        return app;
    }

    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when TransientFailures.IsTransient(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// Whether a failed request was for the pages: asked of an exception handler, whose request already has the error
    /// page's path, it reads the path the request had when it failed.
    /// </summary>
    public static bool FailedOnPage(HttpContext context) =>
        PageErrors.IsPagePath(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);

    /// <summary>Whether this request is the run again that renders an error page, for a refusal or for a failure.</summary>
    public static bool IsErrorPageRun(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || IsFailurePageRun(context);

    /// <summary>
    /// Whether this request renders the page for a failure; it must not read the database, which may be what failed.
    /// </summary>
    public static bool IsFailurePageRun(HttpContext context) => context.Features.Get<IExceptionHandlerPathFeature>() is not null;
}
