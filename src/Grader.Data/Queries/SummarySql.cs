namespace Grader.Data.Queries;

/// <summary>
/// The two SQL statements of the assignment summary. Both reduce to the same shape, the counted submission per student and
/// problem with its score and part outcomes, and share everything after it, so they cannot disagree on a statistic.
/// </summary>
internal static class SummarySql
{
    /// <summary>The whole assignment (or one problem): reads summary_counted and summary_status_slots (0012: each counter striped over slots, summed here), ~one row per student.</summary>
    public static string Counted(string where) => $"""
        with status_counts as (
            select status, sum(n) as n from summary_status_slots where {where} group by status
        ),
        -- Read twice, but two scans of summary_counted are cheaper than materialising its jsonb into a temp file.
        counted_scores as not materialized (
            select student_id, problem_id, score, max_score, part_outcomes from summary_counted where {where}
        ),
        {SharedTail}
        """;

    /// <summary>
    /// A date window: per student and problem, the latest graded submission inside the window. Only keys of
    /// summary_counted can have one (it holds every key with a graded submission, with the latest of them), so:
    /// a key whose latest is inside the window counts it as stored; one whose latest is before the window has none; only
    /// one whose latest is after the window (<paramref name="hasTo"/>) needs one probe of ix_submissions_counted for the
    /// latest inside. The cost follows the assignment's students × problems, never the window's submissions, and a
    /// window that runs to now reads summary_counted alone.
    /// </summary>
    /// <param name="keysOnK">The course, assignment and problem conditions on the alias <c>k.</c>.</param>
    /// <param name="keysAndWindowOnK">The same and the window's conditions, on <c>k.</c>.</param>
    /// <param name="keysAndWindowOnS">The same and the window's conditions, on <c>s.</c>.</param>
    /// <param name="hasTo">Whether the window has an end (<c>@to</c>); without one no key's latest is after it.</param>
    public static string Window(string keysOnK, string keysAndWindowOnK, string keysAndWindowOnS, bool hasTo) => $"""
        with {GivenStatusCounts},
        counted_scores as materialized (
            select k.student_id, k.problem_id, k.score, k.max_score, k.part_outcomes
            from summary_counted k
            where {keysAndWindowOnK}
            {(hasTo ? LatestInsideTheWindow(keysOnK, keysAndWindowOnS) : "")}
        ),
        {SharedTail}
        """;

    /// <summary>
    /// A date window read from the window's own graded submissions instead: one range of 0025's
    /// ix_submissions_window_latest, keeping the submissions whose student's next graded one of the problem
    /// (superseded_at, kept by 0025's triggers) is at or after the window's end, or absent: exactly the latest of each
    /// student and problem inside the window, with no aggregation. Its cost follows the window's submissions (a filter per
    /// index entry, a result look-up per kept one), so the query takes it when the window's graded submissions are few
    /// against the keys <see cref="Window"/> would probe (AssignmentSummaryQuery.ScanPerProbe); a window that runs to the
    /// present probes none and reads summary_counted alone.
    /// </summary>
    /// <param name="keysAndWindowOnS">The course, assignment, problem and window conditions on the alias <c>s.</c>.</param>
    /// <param name="hasTo">Whether the window has an end (<c>@to</c>); without one only a latest-of-all passes.</param>
    public static string WindowScan(string keysAndWindowOnS, bool hasTo) => $"""
        with {GivenStatusCounts},
        counted_scores as materialized (
            select s.student_id, s.problem_id, r.score, r.max_score, r.part_outcomes
            from submissions s join results r on r.id = s.current_result_id
            where {keysAndWindowOnS} and s.status = 'graded' and s.current_result_id is not null
                  and {(hasTo ? "(s.superseded_at is null or s.superseded_at >= @to)" : "s.superseded_at is null")}
        ),
        {SharedTail}
        """;

    /// <summary>
    /// The window's submissions by status (from ix_submissions_window alone) and how many keys <see cref="Window"/> would
    /// probe: read first, so the query can choose between the two plans, and passed to either as <c>@statuses</c>.
    /// </summary>
    public static string WindowShape(string keysOnK, string keysAndWindowOnS, bool hasTo) => $"""
        select (select coalesce(jsonb_object_agg(status, n), jsonb_build_object())
                from (select s.status, count(*) as n from submissions s where {keysAndWindowOnS} group by s.status) c)::text as statuses,
               {(hasTo ? $"(select count(*) from summary_counted k where {keysOnK} and k.effective_submitted_at >= @to)" : "0::bigint")} as probes
        """;

    private const string GivenStatusCounts = """
        status_counts as (
            select key as status, value::bigint as n from jsonb_each_text(@statuses::jsonb)
        )
        """;

    private static string LatestInsideTheWindow(string keysOnK, string keysAndWindowOnS) => $"""
        union all
            select k.student_id, k.problem_id, latest.score, latest.max_score, latest.part_outcomes
            from summary_counted k
            cross join lateral (
                select r.score, r.max_score, r.part_outcomes
                from submissions s join results r on r.id = s.current_result_id
                where {keysAndWindowOnS} and s.status = 'graded'
                      and s.student_id = k.student_id and s.problem_id = k.problem_id
                order by s.effective_submitted_at desc, s.id desc
                limit 1) latest
            where {keysOnK} and k.effective_submitted_at >= @to
        """;

    // part_outcomes elements are {p: partId, s: status, o: position, w: normalised wrong answer, t: misconception tags or
    // absent}; summary_part_outcomes() (migrations 0004, 0007) is the one place that reduces a result's parts;
    // results.part_outcomes (0005) keeps its output. A tag's share is over the part's counted submissions (every status).
    // The parts are expanded once and grouped three ways in one hashed pass (part_groups: by status, by wrong answer, by
    // tags array; grouping() tells the sets apart); the per-part bars, common wrong answers and tag counts then read its
    // ~200 rows. Expanding into a stored CTE and grouping it three times cost ~50 ms more per summary (docs/benchmarks.md, week17).
    private const string SharedTail = """
        student_totals as materialized (
            select student_id, sum(score) as score,
                   case when sum(max_score) > 0 then sum(score) / sum(max_score) else 0 end as fraction
            from counted_scores group by student_id
        ),
        part_groups as materialized (
            select c.problem_id, e.p as part_id, e.s as status, e.w as answer, e.t as tags,
                   grouping(e.s, e.w, e.t) as grouped_out, count(*) as n, min(e.o) as position
            from counted_scores c cross join lateral jsonb_to_recordset(c.part_outcomes) as e (p text, s text, o bigint, w text, t jsonb)
            group by grouping sets ((c.problem_id, e.p, e.s), (c.problem_id, e.p, e.w), (c.problem_id, e.p, e.t))
        ),
        -- grouped_out is a bit mask of (status, answer, tags), set for each column the row's grouping set leaves out.
        part_counts as (
            select problem_id, part_id, min(position) as position,
                   coalesce(sum(n) filter (where status = 'correct'), 0)::bigint as correct,
                   coalesce(sum(n) filter (where status = 'partial'), 0)::bigint as partial,
                   coalesce(sum(n) filter (where status = 'incorrect'), 0)::bigint as incorrect,
                   coalesce(sum(n) filter (where status = 'invalid'), 0)::bigint as invalid,
                   coalesce(sum(n) filter (where status = 'missing'), 0)::bigint as missing,
                   coalesce(sum(n) filter (where status = 'manual'), 0)::bigint as manual,
                   sum(n)::bigint as counted
            from part_groups where grouped_out = 3 group by problem_id, part_id
        ),
        wrong_answers as materialized (
            select problem_id, part_id, answer, n as count,
                   row_number() over (partition by problem_id, part_id order by n desc, answer) as rank
            from part_groups
            where grouped_out = 5 and answer is not null
        ),
        -- Each distinct tags array counts its submissions once per element, as expanding every submission's array would.
        tag_counts as materialized (
            select problem_id, part_id, tag, sum(n)::bigint as count
            from part_groups cross join lateral jsonb_array_elements_text(tags) as t (tag)
            where grouped_out = 6 and tags is not null
            group by problem_id, part_id, tag
        )
        select jsonb_build_object(
            'byStatus', (select jsonb_object_agg(status, n) from status_counts),
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
                                                                    and w.rank <= 5), '[]'::jsonb),
                              'tags', coalesce((select jsonb_agg(jsonb_build_object('tag', t.tag, 'count', t.count,
                                                                                    'share', t.count::float8 / pc.counted)
                                                                 order by t.count desc, t.tag)
                                                from tag_counts t where t.problem_id = pc.problem_id and t.part_id = pc.part_id),
                                               '[]'::jsonb))
                          order by pc.problem_id, pc.position)
                      from part_counts pc)
        )::text
        """;
}
