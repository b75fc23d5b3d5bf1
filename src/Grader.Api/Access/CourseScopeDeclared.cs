using Microsoft.AspNetCore.Authorization;

namespace Grader.Api.Access;

/// <summary>
/// Part of every policy, the fallback included: an endpoint is served only if it says how it stands to course scoping
/// (<see cref="CourseScoped"/> or <see cref="CourseScopeExempt"/>). An endpoint added without either answers 403 to
/// every key, so forgetting the rule closes the endpoint instead of leaking another course.
/// </summary>
public sealed class CourseScopeDeclared : AuthorizationHandler<CourseScopeDeclared>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CourseScopeDeclared requirement)
    {
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint direct => direct,
            _ => null,
        };
        if (endpoint?.Metadata.GetMetadata<CourseScoped>() is not null || endpoint?.Metadata.GetMetadata<CourseScopeExempt>() is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
