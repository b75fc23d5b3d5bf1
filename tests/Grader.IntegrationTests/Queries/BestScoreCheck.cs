using System.Globalization;
using Grader.Data.Queries;
using Npgsql;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// Compares what the best-score triggers keep (summary_best, migration 0016) with the full computation from every graded
/// submission and its result: the rows themselves, and the gradebook under <c>best</c> read from them (no window) against
/// the same gradebook computed from the submissions (a window holding every submission), in every order, page by page.
/// </summary>
internal sealed class BestScoreCheck(NpgsqlDataSource db, string assignment)
{
    private static readonly DateTimeOffset Early = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Late = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly GradebookOrder[] Orders =
    [
        GradebookOrder.ByStudent, new(GradebookOrder.Student, true), new(GradebookOrder.Total, true), new(GradebookOrder.Total, false),
        new("p1", true), new("p2", false),
    ];

    /// <summary>The kept best of one student and problem: its submission and score, or null without a row.</summary>
    public async Task<(Guid Submission, double Score)?> BestAsync(string student, string problem)
    {
        var rows = await RowsAsync("""
            select student_id, problem_id, submission_id, score from summary_best
            where course = $1 and assignment = $2 and student_id = $3 and problem_id = $4
            """, student, problem);
        return rows.Count == 0 ? null : (rows[0].Submission, rows[0].Score);
    }

    public async Task AssertMatchesFullComputationAsync()
    {
        var kept = await RowsAsync("""
            select student_id, problem_id, submission_id, score from summary_best
            where course = $1 and assignment = $2 order by student_id, problem_id
            """);
        var full = await RowsAsync("""
            select distinct on (s.student_id, s.problem_id) s.student_id, s.problem_id, s.id as submission_id, r.score
            from submissions s join results r on r.id = s.current_result_id
            where s.course = $1 and s.assignment = $2 and s.status = 'graded'
            order by s.student_id, s.problem_id, r.score desc, s.effective_submitted_at desc, s.id desc
            """);
        Assert.Equal(full, kept);

        var query = new GradebookQuery(db);
        foreach (var (order, problem) in Orders.Select(o => (o, (string?)null)).Append((new(GradebookOrder.Total, true), "p1")))
        {
            var fromAggregate = await WalkAsync(query, order, problem, null, null);
            var fromSubmissions = await WalkAsync(query, order, problem, Early, Late);
            Assert.True(fromSubmissions.SequenceEqual(fromAggregate),
                $"{order} {problem}:\nfull:\n{string.Join('\n', fromSubmissions)}\nkept:\n{string.Join('\n', fromAggregate)}");
        }
    }

    /// <summary>The students in the order of their total, highest first, over every page of two.</summary>
    public async Task<List<string>> StudentsByTotalDescendingAsync(GradebookPolicy policy, bool windowed)
    {
        var students = new List<string>();
        var query = new GradebookQuery(db);
        GradebookPosition? after = null;
        do
        {
            var page = (await query.RunSortedAsync(SeededCourse.Course, assignment, null, policy, windowed ? Early : null,
                windowed ? Late : null, new GradebookOrder(GradebookOrder.Total, true), after, 2, CancellationToken.None))!;
            students.AddRange(page.Rows.Select(r => r.StudentId));
            after = page.NextPosition;
        }
        while (after is not null);

        return students;
    }

    /// <summary>Every page of two students, each row as text: student, each problem's score and submission, total.</summary>
    private async Task<List<string>> WalkAsync(GradebookQuery query, GradebookOrder order, string? problem, DateTimeOffset? from,
        DateTimeOffset? to)
    {
        var lines = new List<string>();
        GradebookPosition? after = null;
        do
        {
            if (await query.RunSortedAsync(SeededCourse.Course, assignment, problem, GradebookPolicy.Best, from, to, order, after, 2,
                    CancellationToken.None) is not { } page)
            {
                return ["no such column"];
            }

            lines.AddRange(page.Rows.Select(r => $"{r.StudentId}: " + string.Join(", ", r.Scores.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value} ({r.SubmissionIds[p.Key]})"))) +
                string.Create(CultureInfo.InvariantCulture, $"; total {r.Total}")));
            after = page.NextPosition ?? (page.ContinueAfter is { } student ? new GradebookPosition(null, student) : null);
        }
        while (after is not null);

        return lines;
    }

    private async Task<List<(string Student, string Problem, Guid Submission, double Score)>> RowsAsync(string sql, params object[] more)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in new object[] { SeededCourse.Course, assignment }.Concat(more))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<(string, string, Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetDouble(3)));
        }

        return rows;
    }
}
