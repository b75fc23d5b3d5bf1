using Grader.Api.Access;
using Grader.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Queries;

/// <summary>
/// Instructor queries of one course: assignment summary, gradebook (JSON or CSV) and a student's history. Instructor and
/// admin keys only; a course the key does not cover is 404, as if it did not exist.
/// </summary>
public static class QueriesApi
{
    public static IEndpointRouteBuilder MapQueriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/courses/{course}").WithTags("Queries").RequireAuthorization(AccessPolicies.Instructor)
            .RequireCourseScope();
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

    public static async Task<Results<Ok<AssignmentSummary>, ValidationProblem>> GetSummary(
        string course, string assignment, string? problemId, string? from, string? to,
        AssignmentSummaryQuery query, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var window = (From: parameters.Time("from", from), To: parameters.Time("to", to));
        parameters.CheckWindow(window.From, window.To);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        return TypedResults.Ok(await query.RunAsync(course, assignment, problemId, window.From, window.To, cancellationToken));
    }

    public static async Task<Results<Ok<Gradebook>, ContentHttpResult, ValidationProblem>> GetGradebook(
        string course, string assignment, string? problemId, string? policy, string? from, string? to, string? cursor, string? limit,
        string? format, HttpContext context, GradebookQuery query, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var counted = parameters.Policy(policy);
        var window = (From: parameters.Time("from", from), To: parameters.Time("to", to));
        parameters.CheckWindow(window.From, window.To);
        var after = parameters.Cursor(cursor, payload => payload);
        var pageSize = parameters.Limit(limit);
        var csv = parameters.Csv(format, context.Request.Headers.Accept);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        var page = await query.RunAsync(course, assignment, problemId, counted, window.From, window.To, after, pageSize, cancellationToken);
        var gradebook = Gradebook.From(course, assignment, counted, page);
        if (gradebook.NextCursor is not null)
        {
            var next = QueryString.Create(new Dictionary<string, string?>
            {
                ["problemId"] = problemId,
                ["policy"] = gradebook.Policy,
                ["from"] = from,
                ["to"] = to,
                ["limit"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["cursor"] = gradebook.NextCursor,
                ["format"] = csv ? "csv" : "json",
            });
            context.Response.Headers.Link = $"<{context.Request.Path}{next}>; rel=\"next\"";
        }

        return csv ? TypedResults.Text(GradebookCsv.Write(gradebook), "text/csv; charset=utf-8") : TypedResults.Ok(gradebook);
    }

    public static async Task<Results<Ok<StudentHistory>, ValidationProblem>> GetStudentHistory(
        string course, string studentId, string? problemId, string? from, string? to, string? cursor, string? limit,
        StudentHistoryQuery query, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var window = (From: parameters.Time("from", from), To: parameters.Time("to", to));
        parameters.CheckWindow(window.From, window.To);
        var after = parameters.Cursor(cursor, PageCursor.TryOpenPosition);
        var pageSize = parameters.Limit(limit);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        var page = await query.RunAsync(course, studentId, problemId, window.From, window.To, after, pageSize, cancellationToken);
        return TypedResults.Ok(StudentHistory.From(course, studentId, page));
    }

    private static ValidationProblem Invalid(QueryParameters parameters) =>
        TypedResults.ValidationProblem(parameters.Errors, title: "A query parameter is invalid.");
}
