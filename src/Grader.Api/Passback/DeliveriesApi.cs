using Grader.Api.Access;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Data.Passback;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Passback;

/// <summary>
/// Outgoing grade events for operators (admin keys only): list deliveries with their attempts and last error, send one
/// again, or send again every dead one of a source once its receiver is fixed. The worker's dispatcher does the sending.
/// </summary>
public static class DeliveriesApi
{
    private static readonly AuthorizationPolicy Admin = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
        .Combine(AccessPolicies.KeyHolder).RequireRole(ApiKeyRole.Admin.Name()).Build();

    public static RouteGroupBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks").WithTags("Grade passback").RequireAuthorization(Admin)
            .ExemptFromCourseScope("admin keys only, whose scope is every course").ValidateRequests();
        api.MapGet("/deliveries", ListDeliveries)
            .WithName("ListDeliveries")
            .WithSummary("Outgoing grade events, newest first, with attempts and last error (filters: state, source, submission)");
        api.MapPost("/deliveries/{id:guid}/redeliver", Redeliver)
            .WithName("RedeliverEvent")
            .WithSummary("Send one event again (delivered or dead), due now, with a fresh retry window");
        api.MapPost("/sources/{source}/redeliver-dead", RedeliverDead)
            .WithName("RedeliverDeadEvents")
            .WithSummary("Send again every dead event of a source, e.g. after its receiver was fixed");
        return api;
    }

    public static async Task<Ok<DeliveriesPage>> ListDeliveries(
        [AsParameters] DeliveryListRequest request, GradeEventDeliveries deliveries, CancellationToken cancellationToken)
    {
        var limit = request.PageSize();
        var rows = await deliveries.ListAsync(
            new GradeEventFilter(request.State, request.Source, request.SubmissionId, request.BeforeSeq, limit + 1), cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new DeliveriesPage(page, rows.Count > limit ? DeliveryListRequest.SealCursor(page[^1].Seq) : null));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> Redeliver(
        Guid id, GradeEventDeliveries deliveries, CancellationToken cancellationToken) =>
        await deliveries.RedeliverAsync(id, cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No grade event {id}.");

    public static async Task<Ok<RedeliveredEvents>> RedeliverDead(
        string source, GradeEventDeliveries deliveries, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RedeliveredEvents(source, await deliveries.RedeliverDeadAsync(source, cancellationToken)));
}

/// <summary>A page of deliveries, newest first; <c>NextCursor</c> is null on the last page.</summary>
public sealed record DeliveriesPage(IReadOnlyList<GradeEventDelivery> Items, string? NextCursor);

/// <summary>How many dead events of a source were made pending again.</summary>
public sealed record RedeliveredEvents(string Source, int Count);
