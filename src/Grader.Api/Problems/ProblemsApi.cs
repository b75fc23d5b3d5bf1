using Grader.Api.Access;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Grading.Loading;
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
        return app;
    }

    public static Ok<IReadOnlyList<ProblemView>> ListProblems(ProblemCatalog catalog, CourseScope scope, ProblemVisibility visibility) =>
        TypedResults.Ok<IReadOnlyList<ProblemView>>(catalog.Problems.Where(p => visibility.Sees(scope, p)).Select(ProblemView.From).ToList());

    public static Results<Ok<ProblemView>, ProblemHttpResult> GetProblem(
        string id, ProblemCatalog catalog, CourseScope scope, ProblemVisibility visibility) =>
        catalog.TryGet(id, out var problem) && visibility.Sees(scope, problem)
            ? TypedResults.Ok(ProblemView.From(problem))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No problem '{id}'.");
}
