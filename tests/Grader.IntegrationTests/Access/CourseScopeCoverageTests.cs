using System.Security.Claims;
using Grader.Api.Access;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.IntegrationTests.Access;

/// <summary>
/// Course scoping is one rule every endpoint gets by construction: each mapped endpoint is either in a course-scoped group
/// or exempt with a reason, and every policy (the fallback too) refuses an endpoint that declares neither.
/// </summary>
public sealed class CourseScopeCoverageTests : IAsyncLifetime
{
    // The whole list of exempt routes (the webhook is the POST of /api/v1/submissions/): a new one is a visible change here.
    private static readonly string[] Exempt =
    [
        // LTI: the tool's public keys (no course data) and the admin-only LTI set-up and Score posts.
        "/.well-known/jwks.json",
        "/api/v1/lti/line-items",
        "/api/v1/lti/line-items",
        "/api/v1/lti/platforms",
        "/api/v1/lti/platforms",
        "/api/v1/lti/platforms/{source}/redeliver-dead",
        "/api/v1/lti/scores",
        "/api/v1/lti/scores/{id:guid}/redeliver",
        "/api/v1/submissions/",
        "/api/v1/webhooks/deliveries",
        "/api/v1/webhooks/deliveries/{id:guid}/redeliver",
        "/api/v1/webhooks/sources/{source}/redeliver-dead",
        // The pages' error page and the 404 of an address that is no page: anonymous, no course data.
        "/error",
        "/health/live",
        "/health/ready",
        "/openapi/{documentName}.json",
        "/signin",
        "/" + Grader.Api.Staff.StaffPages.UnknownPageRoute,
    ];

    private ServiceStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ServiceStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public void Every_mapped_endpoint_is_course_scoped_or_exempt_with_a_reason()
    {
        var endpoints = _stack.ApiServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var scoped = endpoints.Where(e => e.Metadata.GetMetadata<CourseScoped>() is not null).ToList();
        var exempt = endpoints.Where(e => e.Metadata.GetMetadata<CourseScopeExempt>() is { Why.Length: > 0 }).ToList();
        var neither = endpoints.Except(scoped).Except(exempt).Select(Describe).ToList();

        Assert.True(neither.Count == 0, "Neither course-scoped nor exempt: " + string.Join(", ", neither));
        Assert.Empty(scoped.Intersect(exempt).Select(Describe));
        Assert.Equal(Exempt, exempt.Select(Route).Order(StringComparer.Ordinal));
        Assert.Contains(scoped, e => Describe(e) == "GET /api/v1/courses/{course}/assignments/{assignment}/gradebook");
        Assert.Contains(scoped, e => Describe(e) == "GET /api/v1/submissions/{id:guid}");
        // The staff pages (Razor Pages: one endpoint per page, any method) are scoped as the API is.
        Assert.Contains(scoped, e => Describe(e) == "ANY /courses/{course}");
        Assert.Contains(scoped, e => Describe(e) == "ANY /");
        Assert.Equal(endpoints.Count, scoped.Count + Exempt.Length);
    }

    [Fact]
    public async Task The_fallback_and_instructor_policies_refuse_an_endpoint_that_declares_no_course_scope()
    {
        var policies = _stack.ApiServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = _stack.ApiServices.GetRequiredService<IAuthorizationService>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            ApiCaller.ToClaims(new ApiKey(Guid.NewGuid(), "test", ApiKeyRole.Admin, [], DateTimeOffset.UtcNow, null)), "ApiKey"));
        var forgotten = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "an endpoint added without scoping");
        var scoped = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(CourseScoped.Marker), "a scoped endpoint");

        foreach (var policy in new[] { (await policies.GetFallbackPolicyAsync())!, (await policies.GetPolicyAsync(AccessPolicies.Instructor))! })
        {
            Assert.Contains(policy.Requirements, r => r is CourseScopeDeclared);
            Assert.False((await authorization.AuthorizeAsync(admin, forgotten, policy)).Succeeded);
            Assert.True((await authorization.AuthorizeAsync(admin, scoped, policy)).Succeeded);
        }
    }

    private static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText?.TrimStart('/');

    private static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "ANY"} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
}
