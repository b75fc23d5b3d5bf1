using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Staff;

/// <summary>
/// A browser gets an HTML page for a refused or failed page request (400, 403, 404, 429…): the pages' layout, what went
/// wrong and a way back, rendered by <c>Pages/Error</c> through status-code re-execution. The JSON API (<c>/api</c>,
/// <c>/openapi</c>, <c>/health</c>, <c>/.well-known</c>) keeps its ProblemDetails.
/// </summary>
public static class PageErrors
{
    /// <summary>Where a status is re-executed; the page reads <c>status</c> from the query.</summary>
    public const string Path = "/error";

    private const string MessageKey = "Grader.PageError";

    private static readonly string[] JsonPrefixes = ["/api", "/openapi", "/health", "/.well-known"];

    /// <summary>Whether a request is for the pages (HTML) rather than for the JSON API.</summary>
    public static bool IsPageRequest(HttpContext context) => IsPagePath(context.Request.Path);

    public static bool IsPagePath(PathString path) =>
        !JsonPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>In place of <c>UseStatusCodePages()</c>: the HTML page for page requests, ProblemDetails for the rest.</summary>
    public static WebApplication UseStatusCodePagesOrErrorPages(this WebApplication app)
    {
        // Re-execution must be registered on the application itself, not in a UseWhen branch: only there does it route the
        // re-executed request again (a branch has no endpoints). The inner ProblemDetails writer answers API requests
        // first, and the outer one leaves alone a response that already has a body.
        app.UseStatusCodePagesWithReExecute(Path, "?status={0}");
        app.UseWhen(context => !IsPageRequest(context), api => api.UseStatusCodePages());
        return app;
    }

    /// <summary>
    /// A bare status whose error page says <paramref name="message"/> (the page's own wording otherwise); the body is left
    /// empty so that the status-code page renders it.
    /// </summary>
    public static IActionResult Refuse(HttpContext context, int status, string message)
    {
        SetMessage(context, message);
        return new StatusCodeResult(status);
    }

    public static void SetMessage(HttpContext context, string message) => context.Items[MessageKey] = message;

    public static string? Message(HttpContext context) => context.Items[MessageKey] as string;
}
