using System.Text.Json.Nodes;
using Grader.Api.Access;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Problems;

/// <summary>
/// The problem catalog loaded from problems/*.yaml, as far as the key's courses see it (<see cref="ProblemVisibility"/>):
/// a problem another course's key may not see is absent (404), as another course's data is.
/// </summary>
public static class ProblemsApi
{
    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/problems").WithTags("Problems").RequireCourseScope().ValidateRequests();
        api.MapGet("/", ListProblems).WithName("ListProblems").WithSummary("Every problem this key's courses see, with parts, kinds and points");
        api.MapGet("/{id}", GetProblem).WithName("GetProblem").WithSummary("One problem with its parts, kinds and points");
        // A student's numbers are course data: the course the request names must be in the key's scope.
        app.MapGroup("/api/v1/problems").WithTags("Problems").RequireCourseScope().ValidateRequests()
            .MapGet("/{id}/variant", GetVariant).WithName("GetProblemVariant")
            .WithSummary("One student's variant: the statement and prompts with their numbers, and the parameter values (no references)");
        return app;
    }

    public static Ok<IReadOnlyList<ProblemView>> ListProblems(ProblemCatalog catalog, CourseScope scope, ProblemVisibility visibility) =>
        TypedResults.Ok<IReadOnlyList<ProblemView>>(catalog.Problems.Where(p => visibility.Sees(scope, p)).Select(ProblemView.From).ToList());

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetVariant(
        [AsParameters] VariantRequest request, ProblemCatalog catalog, CourseScope scope, ProblemVisibility visibility,
        AssignedVariants variants, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(request.Id, out var problem) || !visibility.Sees(scope, problem))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No problem '{request.Id}'.");
        }

        try
        {
            // An instructor's override of this student's variant, where one is set, is what they see (and are graded against).
            return TypedResults.Ok(ProblemSheet.ToJson(
                await variants.ForAsync(problem, request.Course!, request.Assignment!, request.StudentId!, cancellationToken)));
        }
        catch (VariantException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This student's variant cannot be built.", detail: exception.Message);
        }
    }

    public static Results<Ok<ProblemView>, ProblemHttpResult> GetProblem(
        string id, ProblemCatalog catalog, CourseScope scope, ProblemVisibility visibility) =>
        catalog.TryGet(id, out var problem) && visibility.Sees(scope, problem)
            ? TypedResults.Ok(ProblemView.From(problem))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No problem '{id}'.");
}
