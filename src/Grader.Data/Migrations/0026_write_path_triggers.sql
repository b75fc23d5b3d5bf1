-- PostgreSQL's CPU per graded submission (issue 14). The worker's grade (insert results, mark graded) ran every statement
-- trigger on submissions twice: once for its own UPDATE, and once more for the UPDATE of superseded_at that migration
-- 0025's relink makes inside it (the student's previous latest submission), where the status counters (0004, 0012), the
-- counted and best rows (0004, 0016), the manual parts (0022) and the chain itself (0025) each read the transition tables,
-- and the counters and best offers planned and ran an empty upsert. And the SQL-language helpers that the triggers call
-- with PERFORM (the counters' upsert, the counted offer, the manual parts' refresh) planned their statements again on
-- every call: a SQL function's plan lives only as long as the query that calls it, a PL/pgSQL one's for the session.
-- bench/best-trigger-write-path.sh measures the difference; docs/benchmarks.md has the figures.

-- 1. The relink's own UPDATE writes superseded_at alone, which no trigger on submissions reads (0025 said so of its
-- backfill): it marks itself with a transaction-local setting, and the update triggers' WHEN skips them while it is set.
-- Only this statement: the setting is cleared right after it (and an error rolls it back with the statement).
create or replace function window_chain_relink(points window_chain_point[]) returns void
language plpgsql as $$
begin
    perform from summary_counted t
    where (t.course, t.assignment, t.problem_id, t.student_id) in (select p.course, p.assignment, p.problem_id, p.student_id
                                                                   from unnest(points) p)
    order by t.course, t.assignment, t.problem_id, t.student_id
    for update;

    perform set_config('grader.window_relink', 'on', true);
    with points as (
        select * from unnest(points)
    ),
    touched as (
        select p.id from points p
        union
        select b.id from points p
        cross join lateral (
            select s.id from submissions s
            where s.course = p.course and s.assignment = p.assignment and s.student_id = p.student_id
                  and s.problem_id = p.problem_id and s.status = 'graded' and s.current_result_id is not null
                  and (s.effective_submitted_at, s.id) < (p.at, p.id)
            order by s.effective_submitted_at desc, s.id desc
            limit 1) b
    ),
    relinked as (
        select s.id, n.at
        from submissions s
        left join lateral (
            select x.effective_submitted_at as at from submissions x
            where x.course = s.course and x.assignment = s.assignment and x.student_id = s.student_id
                  and x.problem_id = s.problem_id and x.status = 'graded' and x.current_result_id is not null
                  and (x.effective_submitted_at, x.id) > (s.effective_submitted_at, s.id)
            order by x.effective_submitted_at, x.id
            limit 1) n on true
        where s.id in (select id from touched) and s.status = 'graded' and s.current_result_id is not null
    )
    update submissions s set superseded_at = r.at
    from relinked r
    where s.id = r.id and s.superseded_at is distinct from r.at;
    perform set_config('grader.window_relink', '', true);
end
$$;

-- The same four update triggers, same names (so the same firing order), same functions, with the WHEN. A statement
-- trigger's WHEN cannot read rows, but it is evaluated before the trigger is queued: a skipped trigger costs nothing.
drop trigger tr_submissions_summary_update on submissions;
create trigger tr_submissions_summary_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on') execute function summary_after_update();
drop trigger tr_submissions_best_update on submissions;
create trigger tr_submissions_best_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on') execute function summary_best_after_update();
drop trigger tr_submissions_manual_parts_update on submissions;
create trigger tr_submissions_manual_parts_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on') execute function manual_parts_after_submissions();
drop trigger tr_submissions_window_update on submissions;
create trigger tr_submissions_window_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on') execute function window_chain_after_update();

-- 2. The helpers in PL/pgSQL, statements unchanged (0012's counters, 0005's offer, 0022's refresh), so their plans are
-- cached per connection. The counters return at once on no delta (a claim always has some; a regrade batch has none).
create or replace function summary_count_statuses(deltas summary_status_counts[]) returns void
language plpgsql as $$
begin
    if cardinality(deltas) = 0 then
        return;
    end if;
    insert into summary_status_slots as t (course, assignment, problem_id, status, slot, n)
    select d.course, d.assignment, d.problem_id, d.status, pg_backend_pid() % 64, sum(d.n) from unnest(deltas) d
    group by 1, 2, 3, 4 having sum(d.n) <> 0 order by 1, 2, 3, 4
    on conflict (course, assignment, problem_id, status, slot) do update set n = t.n + excluded.n;
end
$$;

create or replace function summary_offer_counted(ids uuid[]) returns void
language plpgsql as $$
begin
    insert into summary_counted as t (course, assignment, problem_id, student_id, submission_id, effective_submitted_at,
                                      result_id, score, max_score, part_outcomes)
    select distinct on (s.course, s.assignment, s.problem_id, s.student_id)
           s.course, s.assignment, s.problem_id, s.student_id, s.id, s.effective_submitted_at, r.id, r.score, r.max_score,
           r.part_outcomes
    from submissions s join results r on r.id = s.current_result_id
    where s.id = any (ids) and s.status = 'graded'
    order by s.course, s.assignment, s.problem_id, s.student_id, s.effective_submitted_at desc, s.id desc
    on conflict (course, assignment, problem_id, student_id) do update
        set submission_id = excluded.submission_id, effective_submitted_at = excluded.effective_submitted_at,
            result_id = excluded.result_id, score = excluded.score, max_score = excluded.max_score,
            part_outcomes = excluded.part_outcomes
        where (excluded.effective_submitted_at, excluded.submission_id) >= (t.effective_submitted_at, t.submission_id);
end
$$;

create or replace function manual_parts_refresh(ids uuid[]) returns void
language plpgsql as $$
begin
    with gone as (delete from manual_parts where submission_id = any (ids) returning course, assignment, problem_id, part_id, graded)
    insert into manual_part_slots as t (course, assignment, problem_id, part_id, graded, slot, n)
    select course, assignment, problem_id, part_id, graded, pg_backend_pid() % 64, -count(*) from gone
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (course, assignment, problem_id, part_id, graded, slot) do update set n = t.n + excluded.n;
    with came as (
    insert into manual_parts (submission_id, part_id, course, assignment, problem_id, effective_submitted_at, graded)
    select distinct on (s.id, p.part ->> 'partId')
           s.id, p.part ->> 'partId', s.course, s.assignment, s.problem_id, s.effective_submitted_at, p.part ->> 'status' <> 'manual'
    from submissions s
    join results r on r.id = s.current_result_id
    cross join lateral jsonb_array_elements(r.parts) p (part)
    where s.id = any (ids) and s.status = 'graded' and p.part ->> 'partId' is not null
      -- Containment first: a regrade batch's results mostly have no manual part, and their parts are never expanded.
      and (r.parts @> '[{"status": "manual"}]' or exists (select from manual_grades x where x.submission_id = s.id))
      and (p.part ->> 'status' = 'manual'
           or exists (select from manual_grades g where g.submission_id = s.id and g.part_id = p.part ->> 'partId'))
    order by s.id, p.part ->> 'partId'
    returning course, assignment, problem_id, part_id, graded)
    insert into manual_part_slots as t (course, assignment, problem_id, part_id, graded, slot, n)
    select course, assignment, problem_id, part_id, graded, pg_backend_pid() % 64, count(*) from came
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (course, assignment, problem_id, part_id, graded, slot) do update set n = t.n + excluded.n;
end
$$;
