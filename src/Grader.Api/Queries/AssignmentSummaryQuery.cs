using System.Text.Json;
using Npgsql;

namespace Grader.Api.Queries;

/// <summary>
/// Computes an <see cref="AssignmentSummary"/> in one SQL statement: PostgreSQL aggregates and returns one small JSON
/// document, so no submission row is ever loaded into the API.
/// </summary>
public sealed class AssignmentSummaryQuery(NpgsqlDataSource dataSource)
{
    private static readonly string[] Statuses = ["queued", "grading", "graded", "failed"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AssignmentSummary> RunAsync(
        string course, string assignment, string? problemId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var filter = new SqlFilter()
            .Where("{s}course = @course", "course", course)
            .Where("{s}assignment = @assignment", "assignment", assignment)
            .WhereIf(problemId is not null, "{s}problem_id = @problem", "problem", problemId)
            .WhereIf(from is not null, "{s}effective_submitted_at >= @from", "from", from)
            .WhereIf(to is not null, "{s}effective_submitted_at < @to", "to", to);
        await using var command = filter.Command(dataSource, Sql(filter.Sql()));
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        var totals = JsonSerializer.Deserialize<SqlTotals>(json, Json)!;

        var byStatus = Statuses.ToDictionary(s => s, s => totals.ByStatus?.GetValueOrDefault(s) ?? 0, StringComparer.Ordinal);
        return new AssignmentSummary(course, assignment, problemId, from, to, byStatus.Values.Sum(), byStatus, totals.Students,
            totals.Score, totals.Fraction, totals.Histogram, totals.Parts ?? []);
    }

    private sealed record SqlTotals(
        Dictionary<string, long>? ByStatus, long Students, ScoreStatistics Score, ScoreStatistics Fraction, long[] Histogram,
        List<PartSummary>? Parts);

    // Wrong answers are grouped by normalised text: a string answer with all whitespace removed ("x*(1 - x)" and
    // "x*(1-x)" are one misconception), anything else as jsonb's canonical text (key order and spacing fixed).
    private static string Sql(string where) => $"""
        with window_submissions as (
            select status from submissions where {where}
        ),
        counted as materialized (
            select distinct on (student_id, problem_id) id, student_id, problem_id, current_result_id
            from submissions
            where {where} and status = 'graded'
            order by student_id, problem_id, effective_submitted_at desc, id desc
        ),
        counted_results as materialized (
            select c.id as submission_id, c.student_id, c.problem_id, r.score, r.max_score, r.parts,
                   (select s.answers from submissions s where s.id = c.id) as answers -- one probe each, not a join over all rows
            from counted c join results r on r.id = c.current_result_id
        ),
        student_totals as materialized (
            select student_id, sum(score) as score,
                   case when sum(max_score) > 0 then sum(score) / sum(max_score) else 0 end as fraction
            from counted_results group by student_id
        ),
        part_outcomes as materialized (
            select cr.answers, cr.problem_id, p.part ->> 'partId' as part_id, p.part ->> 'status' as status, p.position
            from counted_results cr cross join lateral jsonb_array_elements(cr.parts) with ordinality as p (part, position)
        ),
        wrong_answers as materialized (
            select o.problem_id, o.part_id, a.answer, count(*) as count,
                   row_number() over (partition by o.problem_id, o.part_id order by count(*) desc, a.answer) as rank
            from part_outcomes o
            cross join lateral (select case jsonb_typeof(o.answers -> o.part_id)
                    when 'string' then regexp_replace(o.answers ->> o.part_id, '\s+', '', 'g')
                    else (o.answers -> o.part_id)::text end as answer) a
            where o.status in ('incorrect', 'partial', 'invalid') and a.answer is not null
            group by o.problem_id, o.part_id, a.answer
        ),
        part_counts as (
            select problem_id, part_id, min(position) as position,
                   count(*) filter (where status = 'correct') as correct,
                   count(*) filter (where status = 'partial') as partial,
                   count(*) filter (where status = 'incorrect') as incorrect,
                   count(*) filter (where status = 'invalid') as invalid,
                   count(*) filter (where status = 'missing') as missing,
                   count(*) filter (where status = 'manual') as manual
            from part_outcomes group by problem_id, part_id
        )
        select jsonb_build_object(
            'byStatus', (select jsonb_object_agg(status, n) from (select status, count(*) as n from window_submissions group by status) t),
            'students', (select count(*) from student_totals),
            'score', (select jsonb_build_object('mean', avg(score), 'median', percentile_cont(0.5) within group (order by score),
                                                'standardDeviation', stddev_pop(score)) from student_totals),
            'fraction', (select jsonb_build_object('mean', avg(fraction), 'median', percentile_cont(0.5) within group (order by fraction),
                                                   'standardDeviation', stddev_pop(fraction)) from student_totals),
            'histogram', (select jsonb_agg(coalesce(h.n, 0) order by b.bin)
                          from generate_series(0, 9) as b (bin)
                          left join (select least(floor(fraction * 10)::int, 9) as bin, count(*) as n from student_totals group by 1) h
                              on h.bin = b.bin),
            'parts', (select jsonb_agg(jsonb_build_object(
                              'problemId', pc.problem_id, 'partId', pc.part_id, 'correct', pc.correct, 'partial', pc.partial,
                              'incorrect', pc.incorrect, 'invalid', pc.invalid, 'missing', pc.missing, 'manual', pc.manual,
                              'commonWrongAnswers', coalesce((select jsonb_agg(jsonb_build_object('answer', w.answer, 'count', w.count)
                                                                               order by w.rank)
                                                              from wrong_answers w
                                                              where w.problem_id = pc.problem_id and w.part_id = pc.part_id
                                                                    and w.rank <= 5), '[]'::jsonb))
                          order by pc.problem_id, pc.position)
                      from part_counts pc)
        )::text
        """;
}
