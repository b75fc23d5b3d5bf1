using System.Text.Json.Serialization;
using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Queries;

/// <summary>
/// Reads one page of students (keyset on student id) and their counted score per problem, all chosen in SQL: the page's
/// students come from an index walk that stops after <c>limit + 1</c> students, never from the whole assignment.
/// </summary>
public sealed class GradebookQuery(NpgsqlDataSource dataSource)
{
    public async Task<GradebookPage> RunAsync(
        string course, string assignment, string? problemId, GradebookPolicy policy, DateTimeOffset? from, DateTimeOffset? to,
        string? afterStudent, int limit, CancellationToken cancellationToken)
    {
        // One problem's gradebook has that column only (if the assignment has it at all).
        var problems = await ProblemsAsync(course, assignment, cancellationToken);
        problems = problemId is null ? problems : problems.Where(p => p == problemId).ToList();
        // The window limits which submissions can count; the page condition applies only to the choice of students.
        var filter = Filter(course, assignment, problemId, from, to).With("limit", limit + 1);
        var after = afterStudent is null ? "" : "and student_id > @after";
        filter = afterStudent is null ? filter : filter.With("after", afterStudent);
        var page = $"select distinct student_id from submissions where {filter.Sql()} {after} and status = 'graded' order by student_id limit @limit";
        await using var command = filter.Command(dataSource, Sql(page, filter.Sql(), filter.Sql("s."), policy));
        var (rows, hasMore) = await ReadRowsAsync(command, limit, cancellationToken);
        return new GradebookPage(problems, rows, hasMore ? rows[^1].StudentId : null);
    }

    /// <summary>
    /// One page of the gradebook sorted over the whole assignment by <paramref name="order"/>: the page's students are
    /// chosen in SQL from every student's sort value (keyset on value and student id), then their rows read as usual.
    /// Latest without a window sorts the rows summary_counted keeps (~one per student and problem); best or a window
    /// reads every graded submission in it.
    /// </summary>
    /// <returns>null when <paramref name="order"/> names a column the assignment does not have.</returns>
    public async Task<GradebookPage?> RunSortedAsync(
        string course, string assignment, string? problemId, GradebookPolicy policy, DateTimeOffset? from, DateTimeOffset? to,
        GradebookOrder order, GradebookPosition? after, int limit, CancellationToken cancellationToken)
    {
        var problems = await ProblemsAsync(course, assignment, cancellationToken);
        problems = problemId is null ? problems : problems.Where(p => p == problemId).ToList();
        var byProblem = order.Column != GradebookOrder.Total && order.Column != GradebookOrder.Student;
        if (byProblem && !problems.Contains(order.Column, StringComparer.Ordinal))
        {
            return null;
        }

        if (order.Column == GradebookOrder.Student)
        {
            // Student ids need no sort values: the keyset walk of RunAsync, backwards when descending.
            return order.Descending
                ? await RunByStudentDescendingAsync(course, assignment, problemId, policy, from, to, problems, after?.Student, limit, cancellationToken)
                : await RunAsync(course, assignment, problemId, policy, from, to, after?.Student, limit, cancellationToken);
        }

        var filter = Filter(course, assignment, problemId, from, to).With("limit", limit + 1);
        filter = byProblem ? filter.With("sortProblem", order.Column) : filter;
        filter = after is null ? filter : filter.With("afterValue", after.Value ?? "0").With("afterStudent", after.Student);
        var keys = from is null && to is null && policy == GradebookPolicy.Latest
            ? GradebookSortSql.LatestFromAggregates(filter.Sql())
            : GradebookSortSql.FromSubmissions(filter.Sql("s."), policy);
        List<GradebookPosition> positions;
        await using (var sorted = filter.Command(dataSource, GradebookSortSql.Page(keys, byProblem, order.Descending, after is not null)))
        {
            positions = await SqlCommands.ListAsync(sorted, reader => new GradebookPosition(reader.Get<string>("v"), reader.Get<string>("student_id")),
                cancellationToken);
        }

        return await PageOfAsync(course, assignment, problemId, policy, from, to, problems, positions, limit, cancellationToken);
    }

    /// <summary>Student ids in descending order: the same index walk as ascending, from the other end.</summary>
    private async Task<GradebookPage> RunByStudentDescendingAsync(
        string course, string assignment, string? problemId, GradebookPolicy policy, DateTimeOffset? from, DateTimeOffset? to,
        IReadOnlyList<string> problems, string? afterStudent, int limit, CancellationToken cancellationToken)
    {
        var filter = Filter(course, assignment, problemId, from, to).With("limit", limit + 1);
        var before = afterStudent is null ? "" : "and student_id < @after";
        filter = afterStudent is null ? filter : filter.With("after", afterStudent);
        List<GradebookPosition> positions;
        await using (var command = filter.Command(dataSource,
                         $"select distinct student_id from submissions where {filter.Sql()} {before} and status = 'graded' order by student_id desc limit @limit"))
        {
            positions = await SqlCommands.ListAsync(command, reader => new GradebookPosition(null, reader.Get<string>("student_id")), cancellationToken);
        }

        return await PageOfAsync(course, assignment, problemId, policy, from, to, problems, positions, limit, cancellationToken);
    }

    /// <summary>The rows of the chosen students (at most <paramref name="limit"/> of them, one more says another page follows), in their order.</summary>
    private async Task<GradebookPage> PageOfAsync(
        string course, string assignment, string? problemId, GradebookPolicy policy, DateTimeOffset? from, DateTimeOffset? to,
        IReadOnlyList<string> problems, List<GradebookPosition> positions, int limit, CancellationToken cancellationToken)
    {
        var hasMore = positions.Count > limit;
        positions = positions.Take(limit).ToList();
        var filter = Filter(course, assignment, problemId, from, to).With("students", positions.Select(p => p.Student).ToArray());
        await using var command = filter.Command(dataSource,
            Sql("select unnest(@students::text[]) as student_id", filter.Sql(), filter.Sql("s."), policy));
        var (rows, _) = await ReadRowsAsync(command, positions.Count, cancellationToken);
        var byStudent = rows.ToDictionary(r => r.StudentId, StringComparer.Ordinal);
        return new GradebookPage(problems, positions.Select(p => byStudent[p.Student]).ToList(), null)
        {
            NextPosition = hasMore ? positions[^1] : null,
        };
    }

    private static SqlFilter Filter(string course, string assignment, string? problemId, DateTimeOffset? from, DateTimeOffset? to) =>
        new SqlFilter()
            .Where("{s}course = @course", "course", course)
            .Where("{s}assignment = @assignment", "assignment", assignment)
            .WhereIf(problemId is not null, "{s}problem_id = @problem", "problem", problemId)
            .WhereIf(from is not null, "{s}effective_submitted_at >= @from", "from", from)
            .WhereIf(to is not null, "{s}effective_submitted_at < @to", "to", to);

    /// <summary>Rows grouped per student as the SQL orders them; a (limit + 1)-th student only says another page follows.</summary>
    private static async Task<(List<GradebookRow> Rows, bool HasMore)> ReadRowsAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<GradebookRow>();
        string? student = null;
        Dictionary<string, double> scores = new(StringComparer.Ordinal);
        Dictionary<string, Guid> submissions = new(StringComparer.Ordinal);
        var hasMore = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var next = reader.Get<string>("student_id");
                if (next != student)
                {
                    if (student is not null)
                    {
                        rows.Add(new GradebookRow(student, scores, scores.Values.Sum()) { SubmissionIds = submissions });
                    }

                    if (rows.Count == limit)
                    {
                        hasMore = true; // the (limit + 1)-th student only says there is another page
                        student = null;
                        break;
                    }

                    student = next;
                    scores = new Dictionary<string, double>(StringComparer.Ordinal);
                    submissions = new Dictionary<string, Guid>(StringComparer.Ordinal);
                }

                scores[reader.Get<string>("problem_id")] = reader.Get<double>("score");
                submissions[reader.Get<string>("problem_id")] = reader.Get<Guid>("submission_id");
            }
        }

        if (student is not null)
        {
            rows.Add(new GradebookRow(student, scores, scores.Values.Sum()) { SubmissionIds = submissions });
        }

        return (rows, hasMore);
    }

    /// <summary>The assignment's distinct problems by a loose index scan: one index probe per problem, not per submission.</summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(string course, string assignment, CancellationToken cancellationToken)
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

    // Latest: pick each (student, problem)'s newest graded submission from the index, then read only those results.
    // Best: every graded result of the page's students is needed to find the highest (ties: the later one).
    private static string Sql(string page, string where, string whereOfS, GradebookPolicy policy)
    {
        return policy == GradebookPolicy.Latest
            ? $"""
              with page as ({page}),
              counted as (
                  select distinct on (student_id, problem_id) id, student_id, problem_id, current_result_id
                  from submissions
                  where {where} and status = 'graded' and student_id in (select student_id from page)
                  order by student_id, problem_id, effective_submitted_at desc, id desc
              )
              select c.student_id, c.problem_id, r.score, c.id as submission_id
              from counted c join results r on r.id = c.current_result_id
              order by c.student_id, c.problem_id
              """
            : $"""
              with page as ({page})
              select distinct on (s.student_id, s.problem_id) s.student_id, s.problem_id, r.score, s.id as submission_id
              from submissions s join results r on r.id = s.current_result_id
              where {whereOfS} and s.status = 'graded'
                    and s.student_id in (select student_id from page)
              order by s.student_id, s.problem_id, r.score desc, s.effective_submitted_at desc, s.id desc
              """;
    }
}

/// <summary>
/// One page of an assignment's gradebook: every problem of the assignment (the same columns on every page), a row per
/// student, and the last student of the page when another page follows.
/// </summary>
public sealed record GradebookPage(IReadOnlyList<string> Problems, IReadOnlyList<GradebookRow> Rows, string? ContinueAfter)
{
    /// <summary>Where a page of <see cref="GradebookQuery.RunSortedAsync"/> ended when another follows (its cursor), else null.</summary>
    public GradebookPosition? NextPosition { get; init; }
}

/// <summary>A student's counted score per problem (absent: no graded submission) and their sum.</summary>
public sealed record GradebookRow(string StudentId, IReadOnlyDictionary<string, double> Scores, double Total)
{
    /// <summary>
    /// The counted submission behind each score, for the staff gradebook page's links. Not part of the API's JSON (whose
    /// rows are these records): the gradebook endpoint's contract stays as documented.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, Guid> SubmissionIds { get; init; } = new Dictionary<string, Guid>(StringComparer.Ordinal);
}

/// <summary>Which graded submission of a student counts for a problem in the gradebook.</summary>
public enum GradebookPolicy
{
    Latest,
    Best,
}
