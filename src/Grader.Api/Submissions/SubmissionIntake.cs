using Grader.Data.Entities;
using Grader.Data.Submissions;

namespace Grader.Api.Submissions;

/// <summary>Turns a validated delivery into a queued submission, stored once per (source, externalId).</summary>
public sealed class SubmissionIntake(SubmissionStore store, TimeProvider clock)
{
    public Task<(Submission Submission, bool Created)> AcceptAsync(string source, SubmissionRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.AcceptOnceAsync(new Submission
        {
            Id = Guid.CreateVersion7(now),
            Source = source,
            ExternalId = request.ExternalId,
            Course = request.Course,
            Assignment = request.Assignment,
            ProblemId = request.ProblemId,
            StudentId = request.StudentId,
            Answers = request.Answers.GetRawText(),
            SubmittedAt = request.SubmittedAt,
            LtiLineItem = request.Lti?.LineItem,
            LtiUserId = request.Lti?.UserId,
            ReceivedAt = now,
            EnqueuedAt = now,
            Status = SubmissionStatus.Queued,
        }, cancellationToken);
    }
}
