using System.Security.Claims;
using Grader.Api.Access;
using Grader.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Grader.Api.Submissions;

/// <summary>Every grade a submission has had: the first one and each regrade's revision, with versions and scores.</summary>
public static class ResultHistoryApi
{
    public static IEndpointRouteBuilder MapResultHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/submissions/{id:guid}/results", GetResults)
            .WithTags("Submissions")
            .WithName("GetSubmissionResults")
            .WithSummary("Every result revision of a submission, oldest first; the current one is marked");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ResultRevisionView>>, ProblemHttpResult>> GetResults(
        Guid id, ClaimsPrincipal user, GraderDbContext db, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.CurrentResultId, s.Course }).SingleOrDefaultAsync(cancellationToken);
        // Another course's submission is 404, as for GET /api/v1/submissions/{id}.
        if (submission is null || ApiCaller.From(user)?.MaySee(submission.Course) != true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No submission {id}.");
        }

        var results = await db.Results.AsNoTracking().Where(r => r.SubmissionId == id).OrderBy(r => r.Revision)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ResultRevisionView>>(
            results.Select(r => ResultRevisionView.From(r, r.Id == submission.CurrentResultId)).ToList());
    }
}
