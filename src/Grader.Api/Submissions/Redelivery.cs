using System.Text.Json;
using Grader.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Api.Submissions;

/// <summary>
/// A delivery whose (source, externalId) is already stored. The same body is an LMS retry: 200 with the stored
/// submission, and one still queued is sent to the worker again at once (the first answer may have been lost with the
/// API, before its send). A different body reuses the id for other content: 409, as payment APIs answer a reused
/// idempotency key, and the stored submission is left alone.
/// </summary>
internal static class Redelivery
{
    public static async Task<Results<Accepted<SubmissionView>, Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Submission stored, SubmissionDelivery request, GradingQueue queue, CancellationToken cancellationToken)
    {
        if (Difference(stored, request) is { } field)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"The externalId '{request.ExternalId}' was already used for a different submission.",
                detail: $"The stored submission {stored.Id} has a different {field}; send new content under a new externalId.",
                extensions: new Dictionary<string, object?> { ["submissionId"] = stored.Id, ["field"] = field });
        }

        if (stored.Status == SubmissionStatus.Queued)
        {
            // The worker claims a submission once, so a second send of a queued one cannot grade it twice.
            await queue.EnqueueAsync(stored.Id, cancellationToken);
        }

        return TypedResults.Ok(SubmissionView.From(stored));
    }

    /// <returns>The first field that differs from what is stored, or null when the delivery is the same.</returns>
    private static string? Difference(Submission stored, SubmissionDelivery request)
    {
        (string Field, bool Same)[] fields =
        [
            ("course", stored.Course == request.Course),
            ("assignment", stored.Assignment == request.Assignment),
            ("problemId", stored.ProblemId == request.ProblemId),
            ("studentId", stored.StudentId == request.StudentId),
            // PostgreSQL keeps microseconds; a time sent with 100 ns ticks is the same time.
            ("submittedAt", Microseconds(stored.SubmittedAt) == Microseconds(request.SubmittedAt)),
            ("lti", stored.LtiLineItem == request.Lti?.LineItem && stored.LtiUserId == request.Lti?.UserId),
        ];
        if (fields.FirstOrDefault(f => !f.Same) is { Field: not null } different)
        {
            return different.Field;
        }

        using var answers = JsonDocument.Parse(stored.Answers);
        using var sent = JsonDocument.Parse(request.Answers);
        // Compared as JSON values: jsonb reorders keys and reprints numbers, which changes no answer.
        return JsonElement.DeepEquals(answers.RootElement, sent.RootElement) ? null : "answers";
    }

    private static long? Microseconds(DateTimeOffset? time) => time?.UtcTicks / TimeSpan.TicksPerMicrosecond;
}
