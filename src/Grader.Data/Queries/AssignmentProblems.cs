using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Queries;

/// <summary>The columns of a gradebook: an assignment's distinct problems, read by a loose index scan.</summary>
internal static class AssignmentProblems
{
    /// <summary>One index probe per problem, not per submission.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(NpgsqlDataSource dataSource, string course, string assignment,
        CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            with recursive problems (problem_id) as (
                (select problem_id from submissions where course = @course and assignment = @assignment order by problem_id limit 1)
                union all
                select (select s.problem_id from submissions s
                        where s.course = @course and s.assignment = @assignment and s.problem_id > p.problem_id
                        order by s.problem_id limit 1)
                from problems p where p.problem_id is not null
            )
            select problem_id from problems where problem_id is not null
            """, new NpgsqlParameter("course", course), new NpgsqlParameter("assignment", assignment));
        return await SqlCommands.ListAsync(command, reader => reader.Get<string>("problem_id"), cancellationToken);
    }
}
