using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Submissions;

/// <summary>What the API reads and writes of submissions: intake once per delivery, a submission, its result history.</summary>
public sealed class SubmissionStore(GraderDbContext db)
{
    /// <returns>The submission with its current result, or null when it does not exist or lies outside <paramref name="scope"/>.</returns>
    public Task<Submission?> FindAsync(Guid id, CourseScope scope, CancellationToken cancellationToken) =>
        Visible(scope).Include(s => s.CurrentResult).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Every result revision of a submission, oldest first; null when it does not exist or lies outside the scope.</summary>
    public async Task<ResultHistory?> ResultHistoryAsync(Guid id, CourseScope scope, CancellationToken cancellationToken)
    {
        var submission = await Visible(scope).Where(s => s.Id == id).Select(s => new { s.CurrentResultId })
            .SingleOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return null;
        }

        var results = await db.Results.AsNoTracking().Where(r => r.SubmissionId == id).OrderBy(r => r.Revision)
            .ToListAsync(cancellationToken);
        return new ResultHistory(submission.CurrentResultId, results);
    }

    /// <summary>Stores a new submission once per (source, externalId); a repeat returns the submission stored first.</summary>
    /// <remarks>
    /// Insert first, look up only on a repeat: one round trip and one commit for a new delivery (a repeat is rare). A
    /// concurrent duplicate delivery waits on the unique index for the first one's commit, inserts nothing, then reads it.
    /// </remarks>
    public async Task<(Submission Submission, bool Created)> AcceptOnceAsync(Submission submission, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var insert = SqlCommands.Create(connection, null, """
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                     received_at, status, enqueued_at, lti_line_item, lti_user_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            on conflict (source, external_id) do nothing
            """,
            submission.Id, submission.Source, submission.ExternalId, submission.Course, submission.Assignment, submission.ProblemId,
            submission.StudentId, SqlCommands.Typed(NpgsqlDbType.Jsonb, submission.Answers),
            SqlCommands.Typed(NpgsqlDbType.TimestampTz, submission.SubmittedAt), submission.ReceivedAt, submission.Status.Name(),
            submission.EnqueuedAt, SqlCommands.Typed(NpgsqlDbType.Text, submission.LtiLineItem),
            SqlCommands.Typed(NpgsqlDbType.Text, submission.LtiUserId));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return (submission, true);
        }

        var stored = await FindDeliveryAsync(submission.Source, submission.ExternalId, cancellationToken);
        return (stored ?? throw new InvalidOperationException("Insert skipped as a repeat but no stored submission."), false);
    }

    private Task<Submission?> FindDeliveryAsync(string source, string externalId, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().Include(s => s.CurrentResult)
            .FirstOrDefaultAsync(s => s.Source == source && s.ExternalId == externalId, cancellationToken);

    private IQueryable<Submission> Visible(CourseScope scope) => db.Submissions.AsNoTracking().Within(scope, s => s.Course);
}

/// <summary>A submission's result revisions, oldest first, and which one counts now.</summary>
public sealed record ResultHistory(Guid? CurrentResultId, IReadOnlyList<GradingResult> Results);
