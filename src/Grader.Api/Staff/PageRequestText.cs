using Grader.Api.Requests;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Grader.Api.Staff;

/// <summary>
/// The API's <see cref="StorableText"/> rule for the pages: a route value, query or form field PostgreSQL could not hold
/// (a NUL, a lone surrogate) is a 400 before any page reads the database with it.
/// </summary>
public sealed class PageRequestText : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The error page re-executed for this very refusal reads the same form: it must render, not refuse again.
        if (PageFailures.IsErrorPageRun(context.HttpContext))
        {
            await next();
            return;
        }

        var request = context.HttpContext.Request;
        var texts = context.RouteData.Values.Values.OfType<string>()
            .Concat(request.Query.SelectMany(q => q.Value.Append(q.Key)))
            .Concat(request.HasFormContentType ? request.Form.SelectMany(f => f.Value.Append(f.Key)) : []);
        if (texts.Any(text => text is not null && !StorableText.IsStorable(text)))
        {
            context.Result = PageErrors.Refuse(context.HttpContext, StatusCodes.Status400BadRequest, $"Every field {StorableText.Rule}.");
            return;
        }

        await next();
    }
}
