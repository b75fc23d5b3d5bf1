using Grader.Api.Access;
using Grader.Data.Access;
using Grader.Data.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Submissions;

/// <summary>Every grade a submission has had: the first one and each regrade's revision, with versions and scores.</summary>
public static class ResultHistoryApi
{
    public static IEndpointRouteBuilder MapResultHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/submissions").WithTags("Submissions").RequireCourseScope()
            .MapGet("/{id:guid}/results", GetResults)
            .WithName("GetSubmissionResults")
            .WithSummary("Every result revision of a submission, oldest first; the current one is marked");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ResultRevisionView>>, ProblemHttpResult>> GetResults(
        Guid id, CourseScope scope, SubmissionStore submissions, CancellationToken cancellationToken)
    {
        // Another course's submission is 404, as for GET /api/v1/submissions/{id}.
        if (await submissions.ResultHistoryAsync(id, scope, cancellationToken) is not { } history)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No submission {id}.");
        }

        return TypedResults.Ok<IReadOnlyList<ResultRevisionView>>(
            history.Results.Select(r => ResultRevisionView.From(r, r.Id == history.CurrentResultId)).ToList());
    }
}
