using Grader.Api.Access;
using Grader.Data.Manual;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.ManualGrading;

/// <summary>
/// Rubric items of a manual part per course: list (the problem file's items first), add, change, delete. Changing an item's
/// points or deleting it re-scores every grade that applied it, in one transaction, and says how many changed.
/// </summary>
public static class RubricApi
{
    public static RouteGroupBuilder MapRubricApi(this RouteGroupBuilder api)
    {
        api.MapGet("/problems/{problemId}/parts/{partId}/rubric", ListRubric)
            .WithName("ListRubricItems").WithSummary("A manual part's rubric items in order");
        api.MapPost("/problems/{problemId}/parts/{partId}/rubric", AddRubricItem)
            .WithName("AddRubricItem").WithSummary("Add a rubric item to a manual part");
        api.MapPut("/rubric/{itemId:guid}", ChangeRubricItem)
            .WithName("ChangeRubricItem").WithSummary("Change a rubric item; every grade that applied it is re-scored");
        api.MapDelete("/rubric/{itemId:guid}", DeleteRubricItem)
            .WithName("DeleteRubricItem").WithSummary("Delete a rubric item; every grade that applied it is re-scored without it");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<RubricItemView>>, ProblemHttpResult>> ListRubric(
        string course, string problemId, string partId, ManualParts parts, CancellationToken cancellationToken)
    {
        if (parts.Find(problemId, partId) is not { } part)
        {
            return ManualGradingApi.NoPart(problemId, partId);
        }

        var items = await parts.RubricAsync(course, problemId, part, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RubricItemView>>(items.Select(RubricItemView.From).ToList());
    }

    public static async Task<Results<Created<RubricItemView>, ProblemHttpResult>> AddRubricItem(
        string course, string problemId, string partId, RubricItemBody body, ManualParts parts, RubricStore rubrics,
        CancellationToken cancellationToken)
    {
        if (parts.Find(problemId, partId) is not { } part)
        {
            return ManualGradingApi.NoPart(problemId, partId);
        }

        // Seeds the file's items first, so they keep their places ahead of the added one.
        await parts.RubricAsync(course, problemId, part, cancellationToken);
        if (await rubrics.AddAsync(course, problemId, partId, body.Label!.Trim(), body.Points!.Value, body.Description?.Trim() ?? "",
                cancellationToken) is not { } item)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The rubric already has an item '{body.Label}'.");
        }

        return TypedResults.Created($"/api/v1/courses/{Uri.EscapeDataString(course)}/rubric/{item.Id}", RubricItemView.From(item));
    }

    public static async Task<Results<Ok<RubricChangeView>, ProblemHttpResult>> ChangeRubricItem(
        string course, Guid itemId, RubricItemBody body, HttpContext context, RubricStore rubrics, CancellationToken cancellationToken)
    {
        var change = await rubrics.UpdateAsync(course, itemId, body.Label!.Trim(), body.Points!.Value, body.Description?.Trim() ?? "",
            ApiCaller.From(context.User)!.KeyId, cancellationToken);
        return change is null
            ? NoItem(itemId)
            : TypedResults.Ok(new RubricChangeView(RubricItemView.From(change.Item!), change.Rescored));
    }

    public static async Task<Results<Ok<RubricChangeView>, ProblemHttpResult>> DeleteRubricItem(
        string course, Guid itemId, HttpContext context, RubricStore rubrics, CancellationToken cancellationToken)
    {
        var change = await rubrics.DeleteAsync(course, itemId, ApiCaller.From(context.User)!.KeyId, cancellationToken);
        return change is null ? NoItem(itemId) : TypedResults.Ok(new RubricChangeView(null, change.Rescored));
    }

    private static ProblemHttpResult NoItem(Guid itemId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No rubric item {itemId}.");
}
