using System.Globalization;
using Grader.Api.Access;
using Grader.Api.Requests;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Queries;

/// <summary>
/// Instructor queries of one course: assignment summary, gradebook (JSON or CSV) and a student's history. Instructor and
/// admin keys only; a course the key does not cover is 404, as if it did not exist (the group's course scoping).
/// </summary>
public static class QueriesApi
{
    public static IEndpointRouteBuilder MapQueriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/courses/{course}").WithTags("Queries").RequireAuthorization(AccessPolicies.Instructor)
            .RequireCourseScope().ValidateRequests();
        api.MapGet("/assignments/{assignment}/summary", GetSummary)
            .WithName("GetAssignmentSummary")
            .WithSummary("Submissions by status, score statistics and histogram, per-part outcomes and common wrong answers");
        api.MapGet("/assignments/{assignment}/gradebook", GetGradebook)
            .WithName("GetGradebook")
            .WithSummary("One row per student: counted score per problem and total (JSON, or CSV with Accept: text/csv or ?format=csv)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapGet("/students/{studentId}/submissions", GetStudentHistory)
            .WithName("GetStudentSubmissions")
            .WithSummary("A student's submissions with scores, newest first");
        return app;
    }

    public static async Task<Ok<AssignmentSummary>> GetSummary(
        [AsParameters] SummaryRequest request, AssignmentSummaryQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = request.Window();
        return TypedResults.Ok(await query.RunAsync(request.Course, request.Assignment, request.ProblemId, from, to, cancellationToken));
    }

    public static async Task<Results<Ok<Gradebook>, ContentHttpResult, ValidationProblem>> GetGradebook(
        [AsParameters] GradebookRequest request, HttpContext context, GradebookQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = request.Window();
        var pageSize = request.PageSize();
        var order = request.SortOrder;
        var page = order.IsByStudent
            ? await query.RunAsync(request.Course, request.Assignment, request.ProblemId, request.CountedPolicy, from, to,
                request.AfterStudent, pageSize, cancellationToken)
            : await query.RunSortedAsync(request.Course, request.Assignment, request.ProblemId, request.CountedPolicy, from, to,
                order, request.After, pageSize, cancellationToken);
        if (page is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sort"] = ["sort must be 'student', 'total' or a problem id of the assignment."],
            }, title: "The request is invalid.");
        }

        var gradebook = Gradebook.From(request.Course, request.Assignment, request.CountedPolicy, page, order);
        if (gradebook.NextCursor is not null)
        {
            var next = QueryString.Create(new Dictionary<string, string?>
            {
                ["problemId"] = request.ProblemId,
                ["policy"] = gradebook.Policy,
                ["from"] = request.From,
                ["to"] = request.To,
                ["limit"] = pageSize.ToString(CultureInfo.InvariantCulture),
                ["cursor"] = gradebook.NextCursor,
                ["sort"] = order.IsByStudent ? null : gradebook.Sort,
                ["order"] = order.IsByStudent ? null : gradebook.Order,
                ["format"] = request.Csv ? "csv" : "json",
            });
            context.Response.Headers.Link = $"<{context.Request.Path}{next}>; rel=\"next\"";
        }

        return request.Csv ? TypedResults.Text(GradebookCsv.Write(gradebook), "text/csv; charset=utf-8") : TypedResults.Ok(gradebook);
    }

    public static async Task<Ok<StudentHistory>> GetStudentHistory(
        [AsParameters] StudentHistoryRequest request, StudentHistoryQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = request.Window();
        var page = await query.RunAsync(request.Course, request.StudentId, request.ProblemId, from, to, request.After, request.PageSize(),
            cancellationToken);
        return TypedResults.Ok(StudentHistory.From(request.Course, request.StudentId, page));
    }
}
