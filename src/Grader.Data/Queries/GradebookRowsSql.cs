using Grader.Data.Sql;

namespace Grader.Data.Queries;

/// <summary>
/// The SQL that reads a gradebook page by student id: which students (an index walk that stops after <c>@limit</c>
/// students, never the whole assignment) and their counted score and submission per problem, ordered by student then
/// problem.
/// </summary>
internal static class GradebookRowsSql
{
    /// <summary>Students with a counted score in the scope, by id, after (or before, descending) <c>@after</c> when given.</summary>
    public static string Students(GradebookScope scope, SqlFilter filter, bool hasCursor, bool descending)
    {
        var after = hasCursor ? $"and student_id {(descending ? "<" : ">")} @after" : "";
        var direction = descending ? " desc" : "";
        // summary_best's key starts with the student: the same walk on a table of one row per student and problem.
        var source = scope.BestFromAggregate ? "summary_best where " : "submissions where status = 'graded' and ";
        return $"select distinct student_id from {source}{filter.Sql()} {after} order by student_id{direction} limit @limit";
    }

    /// <summary>The given students' rows: <paramref name="students"/> is a select of <c>student_id</c>.</summary>
    public static string Rows(GradebookScope scope, SqlFilter filter, string students)
    {
        if (scope.BestFromAggregate)
        {
            // The best per student and problem as the triggers keep it (0016): one key probe per row shown.
            return $"""
                with page as ({students})
                select b.student_id, b.problem_id, b.score, b.submission_id
                from summary_best b
                where {filter.Sql("b.")} and b.student_id in (select student_id from page)
                order by b.student_id, b.problem_id
                """;
        }

        // Latest: pick each (student, problem)'s newest graded submission from the index, then read only those results.
        // Best in a window: every graded result of the page's students in it is needed (ties: the later one).
        return scope.Policy == GradebookPolicy.Latest
            ? $"""
              with page as ({students}),
              counted as (
                  select distinct on (student_id, problem_id) id, student_id, problem_id, current_result_id
                  from submissions
                  where {filter.Sql()} and status = 'graded' and student_id in (select student_id from page)
                  order by student_id, problem_id, effective_submitted_at desc, id desc
              )
              select c.student_id, c.problem_id, r.score, c.id as submission_id
              from counted c join results r on r.id = c.current_result_id
              order by c.student_id, c.problem_id
              """
            : $"""
              with page as ({students})
              select distinct on (s.student_id, s.problem_id) s.student_id, s.problem_id, r.score, s.id as submission_id
              from submissions s join results r on r.id = s.current_result_id
              where {filter.Sql("s.")} and s.status = 'graded'
                    and s.student_id in (select student_id from page)
              order by s.student_id, s.problem_id, r.score desc, s.effective_submitted_at desc, s.id desc
              """;
    }
}
