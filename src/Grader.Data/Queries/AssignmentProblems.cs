using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Queries;

/// <summary>The columns of a gradebook: an assignment's distinct problems.</summary>
internal static class AssignmentProblems
{
    /// <summary>
    /// From the status counters (0004, striped by 0012, kept exact by triggers): a few rows per problem and status, never
    /// the submissions, and no index on submissions of its own (migration 0030 dropped the one its loose scan walked). A
    /// problem is listed while any of its submissions exists, as the staff pages' problem filter lists it
    /// (CourseAssignmentsQuery.ProblemsAsync).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ListAsync(NpgsqlDataSource dataSource, string course, string assignment,
        CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select problem_id from summary_status_slots
            where course = @course and assignment = @assignment
            group by problem_id having sum(n) > 0
            order by problem_id
            """, new NpgsqlParameter("course", course), new NpgsqlParameter("assignment", assignment));
        return await SqlCommands.ListAsync(command, reader => reader.Get<string>("problem_id"), cancellationToken);
    }
}
