using Grader.Api.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Grader.Api.Staff;

/// <summary>
/// <see cref="CourseScoping"/> for the staff pages: a page whose route or query names a course outside the session key's
/// scope answers 404 before its handler runs, as the API does.
/// </summary>
public sealed class PageCourseScope : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (CourseScoping.OutsideScope(context.HttpContext, context.HandlerArguments.Values) is not null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
