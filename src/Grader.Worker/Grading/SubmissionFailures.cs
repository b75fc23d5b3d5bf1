using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>Records that a submission could not be graded, and why; a submission already graded stays graded.</summary>
public sealed class SubmissionFailures(GraderDbContext db, ILogger<SubmissionFailures> logger)
{
    private const int MaxReasonLength = 2000;

    public async Task MarkFailedAsync(Guid submissionId, string reason, CancellationToken cancellationToken)
    {
        var trimmed = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        var updated = await db.Submissions
            .Where(s => s.Id == submissionId && s.Status != SubmissionStatus.Graded)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Failed)
                .SetProperty(s => s.FailureReason, trimmed), cancellationToken);
        if (updated > 0)
        {
            logger.LogError("Submission {SubmissionId} failed: {Reason}", submissionId, trimmed);
        }
    }
}
