using Grader.Api.Access;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.FileProviders;

namespace Grader.Api.Staff;

/// <summary>
/// The staff pages (Razor Pages under Pages/, static files under wwwroot/): every page needs a staff session and is
/// course-scoped (<see cref="PageCourseScope"/>), except the sign-in and error pages, which are anonymous and read no
/// course data.
/// </summary>
public static class StaffPages
{
    /// <summary>The sign-in page's path among the pages (its <c>ViewEnginePath</c>).</summary>
    public const string SignInPage = "/SignIn";

    /// <summary>Any address without a file extension outside the JSON API's prefixes: the pages' 404 when nothing else matches.</summary>
    public const string UnknownPageRoute = "{*path:nonfile:regex(^(?!(api|openapi|health|\\.well-known)(/|$)))}";
    private const string ErrorPage = "/Error";

    public static IHostApplicationBuilder AddStaffPages(this IHostApplicationBuilder builder)
    {
        builder.AddStaffSession();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", StaffSession.Policy);
            options.Conventions.AllowAnonymousToPage(SignInPage);
            options.Conventions.AllowAnonymousToPage(ErrorPage);
            options.Conventions.AddFolderApplicationModelConvention("/", DeclareCourseScope);
        }).AddMvcOptions(options =>
        {
            options.Filters.Add<PageRequestText>();
            options.Filters.Add<PageCourseScope>();
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "grader.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>
    /// The pages' stylesheet and script, embedded in the assembly (so a build folder, a publish folder, a container and
    /// the tests all serve the same two files, whatever the content root); public, no course data, so served before the
    /// key checks.
    /// </summary>
    public static WebApplication UseStaffAssets(this WebApplication app)
    {
        app.Environment.WebRootFileProvider = new EmbeddedFileProvider(typeof(StaffPages).Assembly, "Grader.Api.wwwroot");
        app.UseStaticFiles();
        return app;
    }

    /// <summary>The pages' endpoints.</summary>
    public static WebApplication MapStaffPages(this WebApplication app)
    {
        app.MapRazorPages();
        // An address that is no page (a typo, an old link) is the pages' 404, not the API's 401 for a missing key; the
        // JSON API's prefixes are left out, so an unknown /api path is answered as before.
        app.MapFallback(UnknownPageRoute, context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .AllowAnonymous()
            .ExcludeFromDescription()
            .ExemptFromCourseScope("an unknown page address: answers 404 and reads nothing");
        return app;
    }

    private static void DeclareCourseScope(PageApplicationModel page) => page.EndpointMetadata.Add(page.ViewEnginePath switch
    {
        SignInPage => new CourseScopeExempt("the sign-in form: anonymous, it reads no course data"),
        ErrorPage => new CourseScopeExempt("the error page: anonymous, it says what a refused request's status means"),
        _ => CourseScoped.Marker,
    });
}
