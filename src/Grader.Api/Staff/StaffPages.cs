using Grader.Api.Access;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Grader.Api.Staff;

/// <summary>
/// The staff pages (Razor Pages under Pages/, static files under wwwroot/): every page needs a staff session and is
/// course-scoped (<see cref="PageCourseScope"/>), except the sign-in page, which is anonymous and reads no course data.
/// </summary>
public static class StaffPages
{
    private const string SignInPage = "/SignIn";

    public static IHostApplicationBuilder AddStaffPages(this IHostApplicationBuilder builder)
    {
        builder.AddStaffSession();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", StaffSession.Policy);
            options.Conventions.AllowAnonymousToPage(SignInPage);
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

    /// <summary>The pages' endpoints (their stylesheet and script are static files, served before the key checks).</summary>
    public static WebApplication MapStaffPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    private static void DeclareCourseScope(PageApplicationModel page) => page.EndpointMetadata.Add(page.ViewEnginePath == SignInPage
        ? new CourseScopeExempt("the sign-in form: anonymous, it reads no course data")
        : CourseScoped.Marker);
}
