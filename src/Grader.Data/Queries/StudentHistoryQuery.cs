using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Queries;

/// <summary>A student's submissions newest first, keyset-paged on (time, id) along <c>ix_submissions_student_history</c>.</summary>
public sealed class StudentHistoryQuery(NpgsqlDataSource dataSource)
{
    public async Task<StudentHistoryPage> RunAsync(
        string course, string studentId, string? problemId, DateTimeOffset? from, DateTimeOffset? to, NewestFirstPosition? after, int limit,
        CancellationToken cancellationToken)
    {
        var filter = new SqlFilter()
            .Where("{s}course = @course", "course", course)
            .Where("{s}student_id = @student", "student", studentId)
            .WhereIf(problemId is not null, "{s}problem_id = @problem", "problem", problemId)
            .WhereIf(from is not null, "{s}effective_submitted_at >= @from", "from", from)
            .WhereIf(to is not null, "{s}effective_submitted_at < @to", "to", to)
            .WhereIf(after is not null, "({s}effective_submitted_at, {s}id) < (@after_time, @after_id)", "after_time", after?.Time)
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
        var submissions = await SqlCommands.ListAsync(command, reader => new StudentSubmission(
            reader.Get<Guid>("id"),
            reader.Get<string>("assignment"),
            reader.Get<string>("problem_id"),
            reader.Get<string>("status"),
            reader.Value<double>("score"),
            reader.Value<double>("max_score"),
            reader.Get<DateTimeOffset>("effective_submitted_at"),
            reader.Value<DateTimeOffset>("graded_at")), cancellationToken);

        NewestFirstPosition? next = null;
        if (submissions.Count > limit)
        {
            submissions.RemoveAt(limit);
            next = new NewestFirstPosition(submissions[^1].SubmittedAt, submissions[^1].Id);
        }

        return new StudentHistoryPage(submissions, next);
    }
}

/// <summary>One page of a student's submissions, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record StudentHistoryPage(IReadOnlyList<StudentSubmission> Submissions, NewestFirstPosition? Next);

/// <summary>A submission in a student's history with its current score (null until graded).</summary>
public sealed record StudentSubmission(
    Guid Id,
    string Assignment,
    string ProblemId,
    string Status,
    double? Score,
    double? MaxScore,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? GradedAt);

/// <summary>Where the next page of a newest-first list starts: after this (time, id).</summary>
public sealed record NewestFirstPosition(DateTimeOffset Time, Guid Id);
