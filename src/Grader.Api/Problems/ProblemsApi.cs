using Grader.Api.Access;
using Grader.Grading.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Problems;

/// <summary>The problem catalog loaded from problems/*.yaml.</summary>
public static class ProblemsApi
{
    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/problems").WithTags("Problems")
            .ExemptFromCourseScope("the problem catalog is shared by every course; any valid key reads it");
        api.MapGet("/", ListProblems).WithName("ListProblems").WithSummary("Every problem with its parts, kinds and points");
        api.MapGet("/{id}", GetProblem).WithName("GetProblem").WithSummary("One problem with its parts, kinds and points");
        return app;
    }

    public static Ok<IReadOnlyList<ProblemView>> ListProblems(ProblemCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<ProblemView>>(catalog.Problems.Select(ProblemView.From).ToList());

    public static Results<Ok<ProblemView>, ProblemHttpResult> GetProblem(string id, ProblemCatalog catalog) =>
        catalog.TryGet(id, out var problem)
            ? TypedResults.Ok(ProblemView.From(problem))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No problem '{id}'.");
}
