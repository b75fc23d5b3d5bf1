using System.Security.Claims;
using Grader.Api.Access;
using Grader.Contracts.Webhooks;
using Grader.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Api.Submissions;

/// <summary>The LMS webhook and the submission status endpoint.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/submissions").WithTags("Submissions");
        SignedWebhook.Require(api.MapPost("/", Submit))
            .WithName("SubmitAnswers")
            .WithSummary("LMS webhook: store a signed submission and queue it for grading")
            .Accepts<SubmissionRequest>("application/json");
        api.MapGet("/{id:guid}", GetSubmission)
            .WithName("GetSubmission")
            .WithSummary("Status, score and per-part results of a submission");
        return app;
    }

    public static async Task<Results<Accepted<SubmissionView>, Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Submit(
        HttpRequest request,
        [FromHeader(Name = WebhookHeaders.Source)] string? source,
        [FromHeader(Name = WebhookHeaders.Signature)] string? signature,
        WebhookAuthenticator authenticator,
        SubmissionRequestReader reader,
        SubmissionIntake intake,
        GradingQueue queue,
        IOptionsMonitor<WebhookOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, options.CurrentValue.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: $"The body is larger than {options.CurrentValue.MaxBodyBytes} bytes.");
        }

        if (authenticator.Reject(source, signature, body.Value.Span) is { } why)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook signature rejected.", detail: why);
        }

        if (!reader.TryRead(body.Value, out var submissionRequest, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The submission is invalid.");
        }

        var (submission, created) = await intake.AcceptAsync(source!, submissionRequest!, cancellationToken);
        if (!created)
        {
            return TypedResults.Ok(SubmissionView.From(submission));
        }

        await queue.EnqueueAsync(submission.Id, cancellationToken);
        return TypedResults.Accepted($"/api/v1/submissions/{submission.Id}", SubmissionView.From(submission));
    }

    public static async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> GetSubmission(
        Guid id, ClaimsPrincipal user, GraderDbContext db, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().Include(s => s.CurrentResult)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        // Another course's submission is as absent as an unknown one: its existence is not revealed.
        return submission is null || ApiCaller.From(user)?.MaySee(submission.Course) != true
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No submission {id}.")
            : TypedResults.Ok(SubmissionView.From(submission));
    }
}
