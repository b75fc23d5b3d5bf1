using Npgsql;

namespace Grader.Api.Queries;

/// <summary>A student's submissions newest first, keyset-paged on (time, id) along <c>ix_submissions_student_history</c>.</summary>
public sealed class StudentHistoryQuery(NpgsqlDataSource dataSource)
{
    public async Task<StudentHistory> RunAsync(
        string course, string studentId, string? problemId, DateTimeOffset? from, DateTimeOffset? to, HistoryPosition? after, int limit,
        CancellationToken cancellationToken)
    {
        var filter = new SqlFilter()
            .Where("{s}course = @course", "course", course)
            .Where("{s}student_id = @student", "student", studentId)
            .WhereIf(problemId is not null, "{s}problem_id = @problem", "problem", problemId)
            .WhereIf(from is not null, "{s}effective_submitted_at >= @from", "from", from)
            .WhereIf(to is not null, "{s}effective_submitted_at < @to", "to", to)
            .WhereIf(after is not null, "({s}effective_submitted_at, {s}id) < (@after_time, @after_id)", "after_time", after?.SubmittedAt)
            .With("limit", limit + 1);
        if (after is not null)
        {
            filter.With("after_id", after.Id);
        }

        await using var command = filter.Command(dataSource, $"""
            select s.id, s.assignment, s.problem_id, s.status, r.score, r.max_score, s.effective_submitted_at, s.graded_at
            from submissions s left join results r on r.id = s.current_result_id
            where {filter.Sql("s.")}
            order by s.effective_submitted_at desc, s.id desc
            limit @limit
            """);
        var submissions = new List<StudentSubmission>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            submissions.Add(new StudentSubmission(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        string? nextCursor = null;
        if (submissions.Count > limit)
        {
            submissions.RemoveAt(limit);
            nextCursor = new HistoryPosition(submissions[^1].SubmittedAt, submissions[^1].Id).Seal();
        }

        return new StudentHistory(course, studentId, submissions, nextCursor);
    }
}
