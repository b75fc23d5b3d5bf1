using Grader.Api.Access;
using Grader.Contracts.Webhooks;
using Grader.Data.Access;
using Grader.Data.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grader.Api.Submissions;

/// <summary>The LMS webhook and the submission status endpoint.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var webhook = app.MapGroup("/api/v1/submissions").WithTags("Submissions");
        SignedWebhook.Require(webhook.MapPost("/", Submit))
            .WithName("SubmitAnswers")
            .WithSummary("LMS webhook: store a signed submission and queue it for grading")
            .DocumentsJsonBody<SubmissionRequest>();
        var api = app.MapGroup("/api/v1/submissions").WithTags("Submissions").RequireCourseScope();
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
        if (!WebhookMediaType.IsJson(request.ContentType))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: $"The body must be {WebhookMediaType.Json} (UTF-8), not '{request.ContentType}'.");
        }

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

        if (!options.CurrentValue.AllowsCourse(source!, submissionRequest!.Course))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: $"The source '{source}' may not post into course '{submissionRequest.Course}'.");
        }

        var (submission, outcome) = await intake.AcceptAsync(source!, submissionRequest, cancellationToken);
        if (!outcome.Created)
        {
            return await Redelivery.AnswerAsync(submission, submissionRequest, queue, cancellationToken);
        }

        // Committed; the send of its batch is bounded (GradingQueue.SendTimeout) and a failed one is the sweeper's.
        await outcome.Sent;
        return TypedResults.Accepted($"/api/v1/submissions/{submission.Id}", SubmissionView.From(submission));
    }

    public static async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> GetSubmission(
        Guid id, CourseScope scope, SubmissionStore submissions, CancellationToken cancellationToken) =>
        // Another course's submission is as absent as an unknown one: its existence is not revealed.
        await submissions.FindAsync(id, scope, cancellationToken) is { } submission
            ? TypedResults.Ok(SubmissionView.From(submission))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No submission {id}.");
}
