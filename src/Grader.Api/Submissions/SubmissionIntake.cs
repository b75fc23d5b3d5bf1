using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Api.Submissions;

/// <summary>Stores a validated delivery once per (source, externalId); a repeat returns the submission stored first.</summary>
public sealed class SubmissionIntake(GraderDbContext db, TimeProvider clock)
{
    public async Task<(Submission Submission, bool Created)> AcceptAsync(
        string source, SubmissionRequest request, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(source, request.ExternalId, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

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
            Answers = request.Answers.GetRawText(),
            SubmittedAt = request.SubmittedAt,
            ReceivedAt = now,
            EnqueuedAt = now,
            Status = SubmissionStatus.Queued,
        };
        db.Submissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (submission, true);
        }
        catch (DbUpdateException exception) when (TransientFailures.IsUniqueViolation(exception))
        {
            // A concurrent duplicate delivery won the insert: answer with its submission.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(source, request.ExternalId, cancellationToken);
            return (winner ?? throw new InvalidOperationException("Unique violation but no stored submission."), false);
        }
    }

    private Task<Submission?> FindAsync(string source, string externalId, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().Include(s => s.CurrentResult)
            .FirstOrDefaultAsync(s => s.Source == source && s.ExternalId == externalId, cancellationToken);
}
