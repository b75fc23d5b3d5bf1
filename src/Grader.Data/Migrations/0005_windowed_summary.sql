-- Windowed assignment summary (?from/&to) at 1,000,000 results (issue 4): was 1.2 s, most of it spent reducing each
-- counted result's parts in the query (summary_part_outcomes, ~30 µs a result) and scanning the whole assignment for
-- the window's submissions.

-- A result's parts reduced as the summary needs them, computed once when the result is written (results are never
-- updated, and a submission's answers never change), so no summary recomputes them. Writers that insert many results
-- at once compute them set-based themselves (a regrade batch: three times cheaper than this trigger per row, 14 s per
-- 100,000 regrades otherwise); the trigger fills in for the others (the worker's one grade at a time).
alter table results add column part_outcomes jsonb;

-- The answers are read by a statement of their own: as a sub-select inside the assignment, the whole expression ran as
-- a query per row.
create function results_fill_part_outcomes() returns trigger
language plpgsql as $$
declare
    answers jsonb;
begin
    select s.answers into answers from submissions s where s.id = new.submission_id;
    new.part_outcomes := summary_part_outcomes(new.parts, answers);
    return new;
end
$$;

create trigger tr_results_part_outcomes before insert on results
    for each row when (new.part_outcomes is null) execute function results_fill_part_outcomes();

update results r set part_outcomes = summary_part_outcomes(r.parts, s.answers) from submissions s where s.id = r.submission_id;
alter table results alter column part_outcomes set not null;

-- The aggregates of migration 0004 read the stored outcomes instead of reducing the parts a second time.
create or replace function summary_offer_counted(ids uuid[]) returns void
language sql as $$
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
        where (excluded.effective_submitted_at, excluded.submission_id) >= (t.effective_submitted_at, t.submission_id)
$$;

create or replace function summary_after_update() returns trigger
language plpgsql as $$
declare
    graded uuid[];
begin
    perform summary_count_statuses(array(
        select row(x.course, x.assignment, x.problem_id, x.status, x.n)::summary_status_counts
        from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.course, o.assignment, o.problem_id, o.status, -1),
                                   (n.course, n.assignment, n.problem_id, n.status, 1)) x (course, assignment, problem_id, status, n)
        where o.status <> n.status));

    -- A regrade's new revision: only the counted row of that very submission changes (see migration 0004).
    if exists (select from old_rows o join new_rows n on n.id = o.id
               where o.status = 'graded' and o.current_result_id is not null and n.status = 'graded'
                     and n.current_result_id <> o.current_result_id) then
        update summary_counted t
        set result_id = r.id, score = r.score, max_score = r.max_score, part_outcomes = r.part_outcomes
        from old_rows o join new_rows n on n.id = o.id join results r on r.id = n.current_result_id
        where o.status = 'graded' and o.current_result_id is not null and n.status = 'graded'
              and n.current_result_id <> o.current_result_id
              and t.course = n.course and t.assignment = n.assignment and t.problem_id = n.problem_id
              and t.student_id = n.student_id and t.submission_id = n.id;
    end if;

    graded := array(
        select n.id from old_rows o join new_rows n on n.id = o.id
        where n.status = 'graded' and n.current_result_id is not null
              and (o.status <> 'graded' or o.current_result_id is null));
    if cardinality(graded) > 0 then
        perform summary_offer_counted(graded);
    end if;
    return null;
end
$$;

create or replace function summary_rebuild() returns void
language sql as $$
    truncate summary_counted, summary_status_counts;
    insert into summary_status_counts (course, assignment, problem_id, status, n)
    select course, assignment, problem_id, status, count(*) from submissions group by 1, 2, 3, 4;
    insert into summary_counted (course, assignment, problem_id, student_id, submission_id, effective_submitted_at,
                                 result_id, score, max_score, part_outcomes)
    select s.course, s.assignment, s.problem_id, s.student_id, s.id, s.effective_submitted_at, r.id, r.score, r.max_score,
           r.part_outcomes
    from (select distinct on (course, assignment, problem_id, student_id) *
          from submissions
          where status = 'graded' and current_result_id is not null
          order by course, assignment, problem_id, student_id, effective_submitted_at desc, id desc) s
    join results r on r.id = s.current_result_id;
$$;

-- A window's submissions by status, from the index alone: without it the count scanned the whole assignment.
create index ix_submissions_window on submissions (course, assignment, effective_submitted_at) include (status);
