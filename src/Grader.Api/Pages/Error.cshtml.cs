using System.Globalization;
using Grader.Api.Staff;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Grader.Api.Pages;

/// <summary>
/// The HTML answer to a refused or failed page request (<see cref="PageErrors"/>, <see cref="PageFailures"/>): the status, what it means here, and a link back.
/// Anonymous and outside the rate limits (it renders the answer to a request already counted), and it takes any method:
/// a POST refused for its antiforgery token is re-executed as a POST.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>The refused page's address, as the browser asked for it.</summary>
    public string? OriginalPath { get; private set; }

    public string? RetryAfter { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var refused = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // Asked for directly, this page is not an error of anything: it answers as an unknown page.
        Status = refused is null && failed is null ? StatusCodes.Status404NotFound : Response.StatusCode;
        Response.StatusCode = Status;
        OriginalPath = refused is not null ? refused.OriginalPathBase + refused.OriginalPath : failed?.Path;
        if (Status == StatusCodes.Status503ServiceUnavailable)
        {
            // As the JSON API's 503 says: the database is down or restarting, and a retry in a few seconds may succeed.
            Response.Headers.RetryAfter = Extensions.TransientFailureHandler.RetryAfterSeconds;
        }

        RetryAfter = Response.Headers.RetryAfter.ToString() is { Length: > 0 } seconds ? seconds : null;
        (Title, var standard) = Describe(Status, RetryAfter);
        Message = PageErrors.Message(HttpContext) ?? standard;
    }

    private static (string Title, string Message) Describe(int status, string? retryAfter) => status switch
    {
        StatusCodes.Status400BadRequest => ("Bad request", "The page could not use what was sent: a field's value was not valid, "
            + "or the form was too old or not this site's (it carried no valid antiforgery token). Go back, reload the form and try again."),
        StatusCodes.Status403Forbidden => ("Not allowed", "This key's role may not open this page."),
        StatusCodes.Status404NotFound => ("Page not found", "There is no such page, or it belongs to a course this key cannot see."),
        StatusCodes.Status405MethodNotAllowed => ("Not allowed", "This page does not take that kind of request."),
        StatusCodes.Status413PayloadTooLarge => ("Too large", "What was sent is larger than a page accepts."),
        StatusCodes.Status429TooManyRequests => ("Too many requests", string.Create(CultureInfo.InvariantCulture,
            $"This session (or, before signing in, this address) has used up its requests for the minute; try again in {retryAfter ?? "60"} s.")),
        StatusCodes.Status503ServiceUnavailable => ("Unavailable", "The database is unavailable for the moment; try again in a few seconds."),
        >= 500 => ("Something went wrong", "The server could not answer; try again in a moment."),
        _ => ("Request refused", "The server refused this request."),
    };
}
