using Grader.Data.Entities;
using Grader.Data.Submissions;

namespace Grader.Api.Submissions;

/// <summary>Turns a validated delivery into a queued submission, stored once per (source, externalId).</summary>
/// <remarks>
/// The store (an EF Core context and its options, about 3 % of the API's CPU per webhook when built for every request) is
/// resolved from the request's scope only for a repeat: a new delivery goes through the batcher's own connection.
/// </remarks>
public sealed class SubmissionIntake(IntakeBatcher batcher, IServiceProvider requestServices, TimeProvider clock)
{
    /// <returns>
    /// The new submission once committed, with the send of its batch; or, for a delivery already stored, the submission
    /// stored first (read after the insert found it, so a repeat within the same batch sees the committed row).
    /// </returns>
    public async Task<(Submission Submission, IntakeOutcome Outcome)> AcceptAsync(
        string source, SubmissionDelivery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(now),
            Source = source,
            ExternalId = request.ExternalId,
            Course = request.Course,
            Assignment = request.Assignment,
            ProblemId = request.ProblemId,
            StudentId = request.StudentId,
            Answers = request.Answers,
            SubmittedAt = request.SubmittedAt,
            LtiLineItem = request.Lti?.LineItem,
            LtiUserId = request.Lti?.UserId,
            ReceivedAt = now,
            EnqueuedAt = now,
            Status = SubmissionStatus.Queued,
        };
        var outcome = await batcher.AcceptAsync(submission, cancellationToken);
        if (outcome.Created)
        {
            return (submission, outcome);
        }

        var store = requestServices.GetRequiredService<SubmissionStore>();
        var stored = await store.FindDeliveryAsync(source, request.ExternalId, cancellationToken);
        return (stored ?? throw new InvalidOperationException("Insert skipped as a repeat but no stored submission."), outcome);
    }
}
