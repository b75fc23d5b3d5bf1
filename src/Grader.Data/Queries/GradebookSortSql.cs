namespace Grader.Data.Queries;

/// <summary>
/// The students of one page of a gradebook sorted over the whole assignment, in order, with their sort values. Each
/// student's value comes from the counted score of every problem (one row per student and problem), so the sort can never
/// disagree with the rows the page then shows.
/// </summary>
internal static class GradebookSortSql
{
    /// <param name="keys">A select of (student_id, problem_id, score), the counted score per student and problem.</param>
    /// <param name="byProblem">Whether the order is one problem's score (<c>@sortProblem</c>) rather than the total.</param>
    /// <param name="descending">The direction of both the value and the student id that breaks ties.</param>
    /// <param name="hasCursor">Whether the page starts after (<c>@afterValue</c>, <c>@afterStudent</c>).</param>
    public static string Page(string keys, bool byProblem, bool descending, bool hasCursor)
    {
        // numeric, rounded: a sum of doubles may differ in its last bit between two runs, and the cursor must compare equal.
        var value = byProblem
            ? "coalesce(round((max(score) filter (where problem_id = @sortProblem))::numeric, 9), '-Infinity'::numeric)"
            : "round(sum(score)::numeric, 9)";
        var direction = descending ? "desc" : "asc";
        var after = hasCursor ? $"where (s.v, s.student_id) {(descending ? "<" : ">")} (@afterValue::numeric, @afterStudent)" : "";
        // Ordered by s.v, the numeric: a bare "v" would name the output column, its text, and put 9.5 above 16.
        return $"""
            with keys as ({keys}),
            students as (select student_id, {value} as v from keys group by student_id)
            select s.student_id, s.v::text as v from students s
            {after}
            order by s.v {direction}, s.student_id {direction}
            limit @limit
            """;
    }

    /// <summary>
    /// The counted score per student and problem of a scope: without a window, the rows the triggers keep (about one per
    /// student and problem: <c>summary_counted</c>, 0004, for latest; <c>summary_best</c>, 0016, for best); in a window,
    /// from the submissions themselves (every graded submission of the window is read).
    /// </summary>
    public static string Keys(GradebookScope scope, Sql.SqlFilter filter)
    {
        if (!scope.Windowed)
        {
            var table = scope.Policy == GradebookPolicy.Best ? "summary_best" : "summary_counted";
            return $"select student_id, problem_id, score from {table} where {filter.Sql()}";
        }

        return $"""
            select distinct on (s.student_id, s.problem_id) s.student_id, s.problem_id, r.score
            from submissions s join results r on r.id = s.current_result_id
            where {filter.Sql("s.")} and s.status = 'graded'
            order by s.student_id, s.problem_id, {(scope.Policy == GradebookPolicy.Best ? "r.score desc, " : "")}s.effective_submitted_at desc, s.id desc
            """;
    }
}
