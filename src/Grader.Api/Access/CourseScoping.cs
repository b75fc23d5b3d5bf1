using Grader.Data.Access;

namespace Grader.Api.Access;

/// <summary>
/// Course scoping, one rule applied to whole route groups. Reads of course data take the caller's <see cref="CourseScope"/>
/// (the stores filter by it, so another course's rows are absent), and a course the request names — the <c>{course}</c>
/// route value, a <c>course</c> query parameter or a body that <see cref="INamesCourse"/> — outside the scope answers 404
/// before the handler runs, as if the course did not exist.
/// </summary>
public static class CourseScoping
{
    private const string Course = "course";

    /// <summary>Marks every endpoint of the group course-scoped and adds the check of named courses.</summary>
    public static RouteGroupBuilder RequireCourseScope(this RouteGroupBuilder group)
    {
        group.WithMetadata(CourseScoped.Marker).AddEndpointFilter(async (context, next) =>
        {
            if (OutsideScope(context.HttpContext, context.Arguments) is { } course)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No course '{course}'.");
            }

            return await next(context);
        }).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>An endpoint that holds no course data, or is not called with a key; <paramref name="why"/> is for the reader.</summary>
    public static TBuilder ExemptFromCourseScope<TBuilder>(this TBuilder builder, string why)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new CourseScopeExempt(why));

    /// <summary>The caller's scope: the key's courses, every course for an admin key, none without a key.</summary>
    public static IServiceCollection AddCourseScope(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddScoped(provider => provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User is { } user
            && ApiCaller.From(user) is { } caller
                ? caller.Scope
                : CourseScope.None);

    /// <summary>
    /// The first course the request names (route, query or a bound argument) that the caller's scope does not cover, or
    /// null; the staff pages apply the same rule through a page filter.
    /// </summary>
    public static string? OutsideScope(HttpContext http, IEnumerable<object?> arguments)
    {
        var scope = http.RequestServices.GetRequiredService<CourseScope>();
        return NamedCourses(http, arguments).FirstOrDefault(course => !scope.Includes(course));
    }

    private static IEnumerable<string> NamedCourses(HttpContext http, IEnumerable<object?> arguments)
    {
        if (http.GetRouteValue(Course) is string routed)
        {
            yield return routed;
        }

        foreach (var queried in http.Request.Query[Course])
        {
            if (!string.IsNullOrEmpty(queried))
            {
                yield return queried;
            }
        }

        foreach (var argument in arguments.OfType<INamesCourse>())
        {
            if (argument.Course is { } named)
            {
                yield return named;
            }
        }
    }
}

/// <summary>A bound request argument that names a course (a regrade's filter); <see cref="CourseScoping"/> checks it.</summary>
public interface INamesCourse
{
    string? Course { get; }
}

/// <summary>Endpoint metadata: the endpoint's group applies <see cref="CourseScoping"/>.</summary>
public sealed class CourseScoped
{
    public static readonly CourseScoped Marker = new();

    private CourseScoped()
    {
    }
}

/// <summary>Endpoint metadata: the endpoint is deliberately outside course scoping, and why.</summary>
public sealed record CourseScopeExempt(string Why);
