using Grader.Api.Access;
using Grader.Api.Passback;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Data.Lti;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Lti;

/// <summary>
/// LTI 1.3 AGS for operators (admin keys only): register a platform per webhook source, map an assignment to a line item
/// once, list the Score posts with their attempts and last error, and post one (or a platform's dead ones) again.
/// </summary>
public static class LtiAdminApi
{
    private static readonly AuthorizationPolicy Admin = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
        .Combine(AccessPolicies.KeyHolder).RequireRole(ApiKeyRole.Admin.Name()).Build();

    public static RouteGroupBuilder MapLtiAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/lti").WithTags("LTI").RequireAuthorization(Admin)
            .ExemptFromCourseScope("admin keys only, whose scope is every course").ValidateRequests();
        api.MapPost("/platforms", AddPlatform).WithName("AddLtiPlatform")
            .WithSummary("Register an LTI 1.3 platform for a webhook source (issuer, client id, deployment id, token URL)");
        api.MapGet("/platforms", ListPlatforms).WithName("ListLtiPlatforms").WithSummary("The registered LTI platforms");
        api.MapPost("/line-items", MapLineItem).WithName("MapLtiLineItem")
            .WithSummary("Map an assignment of a source to an AGS line item, once: its scores are posted there");
        api.MapGet("/line-items", ListLineItems).WithName("ListLtiLineItems").WithSummary("The assignments mapped to line items");
        api.MapGet("/scores", ListScores).WithName("ListLtiScores")
            .WithSummary("AGS Score posts, newest first, with attempts and last error (filters: state, source, submission)");
        api.MapPost("/scores/{id:guid}/redeliver", Redeliver).WithName("RedeliverLtiScore")
            .WithSummary("Post one Score again (delivered or dead), due now, with a fresh retry window");
        api.MapPost("/platforms/{source}/redeliver-dead", RedeliverDead).WithName("RedeliverDeadLtiScores")
            .WithSummary("Post again every dead Score of a platform, e.g. after its registration was fixed");
        return api;
    }

    public static async Task<Results<Created<LtiPlatform>, ProblemHttpResult>> AddPlatform(
        LtiPlatformRequest request, LtiPlatforms platforms, TimeProvider clock, CancellationToken cancellationToken)
    {
        var platform = new LtiPlatform(request.Source!.Trim(), request.Issuer!.Trim(), request.ClientId!.Trim(), request.DeploymentId!.Trim(),
            request.TokenUrl!.Trim(), string.IsNullOrWhiteSpace(request.Audience) ? null : request.Audience.Trim(), clock.GetUtcNow());
        return await platforms.AddAsync(platform, cancellationToken)
            ? TypedResults.Created($"/api/v1/lti/platforms/{Uri.EscapeDataString(platform.Source)}", platform)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"The source '{platform.Source}' (or this issuer, client id and deployment id) has a platform already.");
    }

    public static async Task<Ok<List<LtiPlatform>>> ListPlatforms(LtiPlatforms platforms, CancellationToken cancellationToken) =>
        TypedResults.Ok(await platforms.ListAsync(cancellationToken));

    public static async Task<Results<Created<LtiLineItemMap>, ProblemHttpResult>> MapLineItem(
        LtiLineItemMapRequest request, LtiPlatforms platforms, TimeProvider clock, CancellationToken cancellationToken)
    {
        var map = new LtiLineItemMap(request.Source!.Trim(), request.Course!.Trim(), request.Assignment!.Trim(), request.LineItemUrl!.Trim(),
            clock.GetUtcNow());
        if (await platforms.FindAsync(map.Source, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The source '{map.Source}' has no LTI platform.");
        }

        return await platforms.MapAsync(map, cancellationToken)
            ? TypedResults.Created("/api/v1/lti/line-items", map)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"The assignment '{map.Assignment}' of course '{map.Course}' is mapped to a line item already.");
    }

    public static async Task<Ok<List<LtiLineItemMap>>> ListLineItems(LtiPlatforms platforms, CancellationToken cancellationToken) =>
        TypedResults.Ok(await platforms.ListMapsAsync(cancellationToken));

    public static async Task<Ok<ScorePostsPage>> ListScores(
        [AsParameters] DeliveryListRequest request, LtiScoreDeliveries deliveries, CancellationToken cancellationToken)
    {
        var limit = request.PageSize();
        var rows = await deliveries.ListAsync(
            new ScorePostFilter(request.State, request.Source, request.SubmissionId, request.BeforeSeq, limit + 1), cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new ScorePostsPage(page, rows.Count > limit ? DeliveryListRequest.SealCursor(page[^1].Seq) : null));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> Redeliver(
        Guid id, LtiScoreDeliveries deliveries, CancellationToken cancellationToken) =>
        await deliveries.RedeliverAsync(id, cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No score post {id}.");

    public static async Task<Ok<RedeliveredScores>> RedeliverDead(
        string source, LtiScoreDeliveries deliveries, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RedeliveredScores(source, await deliveries.RedeliverDeadAsync(source, cancellationToken)));
}

/// <summary>A page of score posts, newest first; <c>NextCursor</c> is null on the last page.</summary>
public sealed record ScorePostsPage(IReadOnlyList<ScorePostDelivery> Items, string? NextCursor);

/// <summary>How many dead score posts of a platform were made pending again.</summary>
public sealed record RedeliveredScores(string Source, int Count);
