using Grader.Api.Access;
using Grader.Api.Requests;
using Grader.Data.Manual;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.ManualGrading;

/// <summary>
/// Manual grading of one course: what waits per manual part, the answers to a part, one answer, and grading it. Instructor
/// and admin keys only; another course is 404 (the group's course scoping, and every query filters by the course).
/// </summary>
public static class ManualGradingApi
{
    public static IEndpointRouteBuilder MapManualGradingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/courses/{course}").WithTags("Manual grading").RequireAuthorization(AccessPolicies.Instructor)
            .RequireCourseScope().ValidateRequests();
        api.MapGet("/assignments/{assignment}/manual", ListManualParts)
            .WithName("ListManualParts")
            .WithSummary("The assignment's manual parts with how many answers are ungraded and graded");
        api.MapGet("/assignments/{assignment}/manual/{problemId}/{partId}", ListManualAnswers)
            .WithName("ListManualAnswers")
            .WithSummary("Answers to one manual part, oldest first: ungraded (default), graded or all (cursor paging)");
        api.MapGet("/submissions/{id:guid}/manual/{partId}", GetManualAnswer)
            .WithName("GetManualAnswer")
            .WithSummary("One submission's answer to a manual part, its grade and the part's rubric");
        api.MapPut("/submissions/{id:guid}/manual/{partId}", GradeManualAnswer)
            .WithName("GradeManualAnswer")
            .WithSummary("Grade a manual part (points, or rubric items plus adjustment; comment): a new result revision");
        api.MapRubricApi();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ManualPartCountView>>> ListManualParts(
        string course, string assignment, ManualGradingQuery query, ManualParts parts, CancellationToken cancellationToken)
    {
        var counts = await query.CountsAsync(course, assignment, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ManualPartCountView>>(counts
            .Select(c => new ManualPartCountView(c.ProblemId, c.PartId, parts.Find(c.ProblemId, c.PartId)?.Points ?? 0, c.Ungraded, c.Graded))
            .ToList());
    }

    public static async Task<Results<Ok<ManualAnswersPageView>, ProblemHttpResult>> ListManualAnswers(
        [AsParameters] ManualAnswersRequest request, ManualGradingQuery query, ManualParts parts, CancellationToken cancellationToken)
    {
        if (parts.Find(request.ProblemId, request.PartId) is not { } part)
        {
            return NoPart(request.ProblemId, request.PartId);
        }

        var state = request.State is null ? ManualAnswerState.Ungraded : Enum.Parse<ManualAnswerState>(request.State, ignoreCase: true);
        var page = await query.ListAsync(request.Course, request.Assignment, request.ProblemId, request.PartId, state, request.After,
            request.PageSize(), cancellationToken);
        return TypedResults.Ok(new ManualAnswersPageView(page.Answers.Select(a => ManualAnswerView.From(a, part.Step)).ToList(),
            page.Next is null ? null : ManualAnswersRequest.SealCursor(page.Next)));
    }

    public static async Task<Results<Ok<ManualAnswerView>, ProblemHttpResult>> GetManualAnswer(
        string course, Guid id, string partId, ManualGradingQuery query, ManualParts parts, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(course, id, partId, cancellationToken) is not { } answer
            || parts.Find(answer.ProblemId, partId) is not { } part)
        {
            return NoAnswer(id, partId);
        }

        var rubric = await parts.RubricAsync(course, answer.ProblemId, part, cancellationToken);
        return TypedResults.Ok(ManualAnswerView.From(answer, part.Step, rubric.Select(RubricItemView.From).ToList()));
    }

    public static async Task<Results<Ok<ManualAnswerView>, ProblemHttpResult, ValidationProblem>> GradeManualAnswer(
        string course, Guid id, string partId, ManualGradeBody body, HttpContext context, ManualGradingQuery query, ManualParts parts,
        ManualGradeStore store, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(course, id, partId, cancellationToken) is not { } answer
            || parts.Find(answer.ProblemId, partId) is not { } part)
        {
            return NoAnswer(id, partId);
        }

        var rubric = await parts.RubricAsync(course, answer.ProblemId, part, cancellationToken);
        var decided = ManualGradeDecision.Decide(body, answer.MaxScore, part.Step, rubric);
        if (decided.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The grade is invalid.");
        }

        var caller = ApiCaller.From(context.User)!;
        var input = new ManualGradeInput(id, partId, decided.Points, body.RubricItemIds ?? [], body.Adjustment, body.Comment?.Trim() ?? "",
            caller.KeyId);
        if (!await store.GradeAsync(course, input, answer.MaxScore, cancellationToken)
            || await query.FindAsync(course, id, partId, cancellationToken) is not { } graded)
        {
            return NoAnswer(id, partId);
        }

        return TypedResults.Ok(ManualAnswerView.From(graded, part.Step, rubric.Select(RubricItemView.From).ToList()));
    }

    internal static ProblemHttpResult NoPart(string problemId, string partId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Problem '{problemId}' has no manual part '{partId}'.");

    private static ProblemHttpResult NoAnswer(Guid id, string partId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No graded submission {id} with a manual part '{partId}'.");
}
