using Grader.Api.Access;
using Grader.Api.Problems;
using Grader.Api.Requests;
using Grader.Data.Access;
using Grader.Data.Variants;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Variants;

/// <summary>
/// Instructor overrides of one student's variant (an accommodation, a retake): set, clear and list, per course. Instructor
/// and admin keys only; another course is 404 (the group's course scoping). The variant endpoint, grading and regrades
/// honour an override at once; submissions already graded keep their grade until they are regraded.
/// </summary>
public static class VariantOverridesApi
{
    private const string OneStudent = "/assignments/{assignment}/problems/{problemId}/students/{studentId}";

    public static IEndpointRouteBuilder MapVariantOverridesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/courses/{course}/variant-overrides").WithTags("Variants")
            .RequireAuthorization(AccessPolicies.Instructor).RequireCourseScope().ValidateRequests();
        api.MapGet("/", List).WithName("ListVariantOverrides")
            .WithSummary("The course's variant overrides (optionally of one assignment and problem), with the variant each gives");
        api.MapPut(OneStudent, Set).WithName("SetVariantOverride")
            .WithSummary("Set one student's variant of a randomized problem: a seed, parameter values, both, or neither (the handout's numbers)");
        api.MapDelete(OneStudent, Clear).WithName("ClearVariantOverride")
            .WithSummary("Clear one student's override: their salted seed's variant applies again");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<VariantOverrideView>>> List(
        [AsParameters] VariantOverrideListRequest request, VariantOverrideStore store, ProblemCatalog catalog, AssignedVariants variants,
        CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(request.Course, request.Assignment, request.ProblemId,
            request.Limit ?? VariantOverrideListRequest.DefaultLimit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<VariantOverrideView>>(stored.Select(o => VariantOverrideView.From(o, TryBuild(o, catalog, variants))).ToList());
    }

    public static async Task<Results<Ok<VariantOverrideView>, ProblemHttpResult, ValidationProblem>> Set(
        string course, string assignment, string problemId, string studentId, VariantOverrideBody body, HttpContext context,
        ProblemCatalog catalog, CourseScope scope, ProblemVisibility visibility, AssignedVariants variants, VariantOverrideStore store,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(problemId, out var problem) || !visibility.Sees(scope, problem))
        {
            return NoProblem(problemId);
        }
        if (!problem.IsRandomized)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["problemId"] = [$"'{problemId}' declares no parameters: every student has the handout's numbers."],
            }, title: "The override is invalid.");
        }

        var choice = new VariantOverride(body.SeedNumber(), body.Values);
        Problem built;
        try
        {
            built = variants.Check(problem, choice);
        }
        catch (VariantException exception)
        {
            // An unknown parameter, a value off its grid or a broken constraint: staff fix the request, as for a shape error.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [body.Values is null ? "seed" : "values"] = [exception.Message] },
                title: "The override is invalid.");
        }

        var caller = ApiCaller.From(context.User)!;
        var stored = await store.SetAsync(new StoredVariantOverride(new VariantOverrideKey(course, assignment, problemId, studentId),
            choice.Seed, body.Values, body.Reason?.Trim() ?? "", $"key {caller.KeyId}", clock.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(VariantOverrideView.From(stored, built));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Clear(
        string course, string assignment, string problemId, string studentId, VariantOverrideStore store, CancellationToken cancellationToken) =>
        await store.ClearAsync(new VariantOverrideKey(course, assignment, problemId, studentId), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: $"No variant override of student '{studentId}' on '{problemId}' in {course}/{assignment}.");

    // A stored override the current file no longer allows (a parameter renamed since) is listed without its variant.
    private static Problem? TryBuild(StoredVariantOverride stored, ProblemCatalog catalog, AssignedVariants variants)
    {
        if (!catalog.TryGet(stored.Key.ProblemId, out var problem))
        {
            return null;
        }
        try
        {
            return variants.Check(problem, AssignedVariants.ToChoice(stored));
        }
        catch (VariantException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NoProblem(string problemId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No problem '{problemId}'.");
}
