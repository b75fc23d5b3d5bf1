using Grader.Data.Access;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Queries;

/// <summary>
/// The assignments of the courses a caller may see, with their submission and problem counts, for the staff dashboard.
/// Reads <c>summary_status_slots</c> (kept exact by the triggers of migrations 0004 and 0012, a few rows per problem and status), never the
/// submissions themselves, so its cost follows the number of assignments, not of submissions.
/// </summary>
public sealed class CourseAssignmentsQuery(NpgsqlDataSource dataSource)
{
    /// <param name="course">One course only, or null for every course of the scope.</param>
    public async Task<IReadOnlyList<CourseAssignment>> RunAsync(CourseScope scope, string? course, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select course, assignment, count(distinct problem_id) as problems, sum(n)::bigint as submissions
            from summary_status_slots
            where ($1::text[] is null or course = any($1)) and ($2::text is null or course = $2)
            group by course, assignment
            having sum(n) > 0
            order by course, assignment
            """,
            SqlCommands.Typed(NpgsqlDbType.Array | NpgsqlDbType.Text, scope.Courses?.ToArray()),
            SqlCommands.Typed(NpgsqlDbType.Text, course));
        return await SqlCommands.ListAsync(command, reader => new CourseAssignment(
            reader.Get<string>("course"),
            reader.Get<string>("assignment"),
            reader.Get<long>("problems"),
            reader.Get<long>("submissions")), cancellationToken);
    }

    /// <summary>The problems of one assignment that have submissions (for the pages' problem filter); none: no such assignment.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string course, string assignment, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select problem_id from summary_status_slots
            where course = $1 and assignment = $2
            group by problem_id having sum(n) > 0
            order by problem_id
            """, course, assignment);
        return await SqlCommands.ListAsync(command, reader => reader.Get<string>("problem_id"), cancellationToken);
    }
}

/// <summary>An assignment of a course: how many problems and submissions it has (every status).</summary>
public sealed record CourseAssignment(string Course, string Assignment, long Problems, long Submissions);
