using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Queries;

/// <summary>
/// Reads one page of an assignment's gradebook: the page's students chosen in SQL (by id, or sorted over the whole
/// assignment), then their counted score per problem. Without a window both come from the rows the triggers keep per
/// student and problem; in a window, from the window's graded submissions.
/// </summary>
public sealed class GradebookQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Students by id (keyset on student id), from an index walk that stops after <c>limit + 1</c> students.</summary>
    public async Task<GradebookPage> RunAsync(
        string course, string assignment, string? problemId, GradebookPolicy policy, DateTimeOffset? from, DateTimeOffset? to,
        string? afterStudent, int limit, CancellationToken cancellationToken)
    {
        var scope = new GradebookScope(course, assignment, problemId, policy, from, to);
        var problems = await ProblemsAsync(scope, cancellationToken);
        // The page condition applies only to the choice of students.
        var filter = scope.Filter().With("limit", limit + 1);
        filter = afterStudent is null ? filter : filter.With("after", afterStudent);
        var students = GradebookRowsSql.Students(scope, filter, afterStudent is not null, descending: false);
        await using var command = filter.Command(dataSource, GradebookRowsSql.Rows(scope, filter, students));
        var (rows, hasMore) = await GradebookRowReader.ReadAsync(command, limit, cancellationToken);
        return new GradebookPage(problems, rows, hasMore ? rows[^1].StudentId : null);
    }

    /// <summary>
    /// One page of the gradebook sorted over the whole assignment by <paramref name="order"/>: the page's students are
    /// chosen in SQL from every student's sort value (keyset on value and student id), then their rows read as usual.
    /// </summary>
    /// <returns>null when <paramref name="order"/> names a column the assignment does not have.</returns>
    public async Task<GradebookPage?> RunSortedAsync(
        string course, string assignment, string? problemId, GradebookPolicy policy, DateTimeOffset? from, DateTimeOffset? to,
        GradebookOrder order, GradebookPosition? after, int limit, CancellationToken cancellationToken)
    {
        var scope = new GradebookScope(course, assignment, problemId, policy, from, to);
        var problems = await ProblemsAsync(scope, cancellationToken);
        var byProblem = order.Column != GradebookOrder.Total && order.Column != GradebookOrder.Student;
        if (byProblem && !problems.Contains(order.Column, StringComparer.Ordinal))
        {
            return null;
        }

        if (order.Column == GradebookOrder.Student && !order.Descending)
        {
            return await RunAsync(course, assignment, problemId, policy, from, to, after?.Student, limit, cancellationToken);
        }

        var filter = scope.Filter().With("limit", limit + 1);
        string sql;
        if (order.Column == GradebookOrder.Student)
        {
            // Student ids need no sort values: the keyset walk of RunAsync, from the other end.
            filter = after is null ? filter : filter.With("after", after.Student);
            sql = GradebookRowsSql.Students(scope, filter, after is not null, descending: true);
        }
        else
        {
            filter = byProblem ? filter.With("sortProblem", order.Column) : filter;
            filter = after is null ? filter : filter.With("afterValue", after.Value ?? "0").With("afterStudent", after.Student);
            sql = GradebookSortSql.Page(GradebookSortSql.Keys(scope, filter), byProblem, order.Descending, after is not null);
        }

        List<GradebookPosition> positions;
        await using (var sorted = filter.Command(dataSource, sql))
        {
            var byStudent = order.Column == GradebookOrder.Student;
            positions = await SqlCommands.ListAsync(sorted,
                reader => new GradebookPosition(byStudent ? null : reader.Get<string>("v"), reader.Get<string>("student_id")), cancellationToken);
        }

        return await PageOfAsync(scope, problems, positions, limit, cancellationToken);
    }

    /// <summary>The rows of the chosen students (at most <paramref name="limit"/> of them, one more says another page follows), in their order.</summary>
    private async Task<GradebookPage> PageOfAsync(
        GradebookScope scope, IReadOnlyList<string> problems, List<GradebookPosition> positions, int limit, CancellationToken cancellationToken)
    {
        var hasMore = positions.Count > limit;
        positions = positions.Take(limit).ToList();
        var filter = scope.Filter().With("students", positions.Select(p => p.Student).ToArray());
        await using var command = filter.Command(dataSource,
            GradebookRowsSql.Rows(scope, filter, "select unnest(@students::text[]) as student_id"));
        var (rows, _) = await GradebookRowReader.ReadAsync(command, positions.Count, cancellationToken);
        var byStudent = rows.ToDictionary(r => r.StudentId, StringComparer.Ordinal);
        return new GradebookPage(problems, positions.Select(p => byStudent[p.Student]).ToList(), null)
        {
            NextPosition = hasMore ? positions[^1] : null,
        };
    }

    /// <summary>The assignment's problems; one problem's gradebook has that column only (if the assignment has it at all).</summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(GradebookScope scope, CancellationToken cancellationToken)
    {
        var problems = await AssignmentProblems.ListAsync(dataSource, scope.Course, scope.Assignment, cancellationToken);
        return scope.ProblemId is null ? problems : problems.Where(p => p == scope.ProblemId).ToList();
    }
}
