-- Assignment summary aggregates (issue 4): the unwindowed summary reads these instead of scanning every submission.
-- Statement triggers on submissions keep them exact on every write path (intake, claim, grade, failure, regrade revision).

-- The submission that counts for each student and problem: the latest graded one (effective_submitted_at, then id, the
-- order the live summary and the gradebook use), with its current result. part_outcomes is the result's parts reduced to
-- what the summary groups by, so the summary never opens results or answers.
create table summary_counted (
    course                 text not null,
    assignment             text not null,
    problem_id             text not null,
    student_id             text not null,
    submission_id          uuid not null,
    effective_submitted_at timestamptz not null,
    result_id              uuid not null,
    score                  double precision not null,
    max_score              double precision not null,
    -- [{p: partId, s: status, o: position in the result, w: normalised wrong answer or null}]
    part_outcomes          jsonb not null,
    primary key (course, assignment, problem_id, student_id)
);

-- A deleted submission's counted row is found by its id alone (grades and regrades also know the key).
create index ix_summary_counted_submission on summary_counted (submission_id);

-- Submissions per status; rows may reach 0 and stay (cheaper than deleting under concurrent writers).
create table summary_status_counts (
    course     text not null,
    assignment text not null,
    problem_id text not null,
    status     text not null,
    n          bigint not null,
    primary key (course, assignment, problem_id, status)
);

-- A result's parts as the summary needs them. Wrong answers are normalised as the live summary does: a string answer
-- with all whitespace removed ("x*(1 - x)" and "x*(1-x)" are one misconception), anything else as jsonb's canonical text.
create function summary_part_outcomes(parts jsonb, answers jsonb) returns jsonb
language sql immutable as $$
    select coalesce(jsonb_agg(jsonb_build_object(
               'p', p.part ->> 'partId', 's', p.part ->> 'status', 'o', p.position,
               'w', case when p.part ->> 'status' in ('incorrect', 'partial', 'invalid')
                         then case jsonb_typeof(answers -> (p.part ->> 'partId'))
                                  when 'string' then regexp_replace(answers ->> (p.part ->> 'partId'), '\s+', '', 'g')
                                  else (answers -> (p.part ->> 'partId'))::text end end)
               order by p.position), '[]'::jsonb)
    from jsonb_array_elements(parts) with ordinality as p (part, position)
$$;

-- Adds each counter's delta. Callers pass one statement's deltas summed per counter; they are applied in key order, so
-- two transactions never wait on each other's counter rows crosswise. Upsert: the first submission of a problem too.
create function summary_count_statuses(deltas summary_status_counts[]) returns void
language sql as $$
    insert into summary_status_counts as t (course, assignment, problem_id, status, n)
    select d.course, d.assignment, d.problem_id, d.status, sum(d.n) from unnest(deltas) d
    group by 1, 2, 3, 4 having sum(d.n) <> 0 order by 1, 2, 3, 4
    on conflict (course, assignment, problem_id, status) do update set n = t.n + excluded.n
$$;

-- Offers graded submissions with a result as the counted ones of their student and problem (the latest of them per
-- key). The row lock taken by ON CONFLICT serialises two workers committing the same student's problem; the WHERE,
-- re-checked under that lock, lets only the newer (or the same, with a new result) submission win, whatever the order.
create function summary_offer_counted(ids uuid[]) returns void
language sql as $$
    insert into summary_counted as t (course, assignment, problem_id, student_id, submission_id, effective_submitted_at,
                                      result_id, score, max_score, part_outcomes)
    select distinct on (s.course, s.assignment, s.problem_id, s.student_id)
           s.course, s.assignment, s.problem_id, s.student_id, s.id, s.effective_submitted_at, r.id, r.score, r.max_score,
           summary_part_outcomes(r.parts, s.answers)
    from submissions s join results r on r.id = s.current_result_id
    where s.id = any (ids) and s.status = 'graded'
    order by s.course, s.assignment, s.problem_id, s.student_id, s.effective_submitted_at desc, s.id desc
    on conflict (course, assignment, problem_id, student_id) do update
        set submission_id = excluded.submission_id, effective_submitted_at = excluded.effective_submitted_at,
            result_id = excluded.result_id, score = excluded.score, max_score = excluded.max_score,
            part_outcomes = excluded.part_outcomes
        where (excluded.effective_submitted_at, excluded.submission_id) >= (t.effective_submitted_at, t.submission_id)
$$;

-- Statement-level triggers with transition tables: a regrade batch's one UPDATE of 500 submissions is one set-based
-- pass, not 500 trigger calls (row triggers made the 100,000-submission regrade benchmark 30 % slower).
create function summary_after_insert() returns trigger
language plpgsql as $$
declare
    graded uuid[];
begin
    perform summary_count_statuses(array(
        select row(course, assignment, problem_id, status, 1)::summary_status_counts from new_rows));
    graded := array(select id from new_rows where status = 'graded' and current_result_id is not null);
    if cardinality(graded) > 0 then
        perform summary_offer_counted(graded);
    end if;
    return null;
end
$$;

create function summary_after_update() returns trigger
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

    -- A regrade's new revision: only the counted row of that very submission changes. Rows of superseded submissions
    -- are not matched, hence not locked, so concurrent regrade batches never wait on each other here. Guarded, like the
    -- offer below, so that status-only updates (claim, failure) never read results: marking a submission failed must
    -- work whatever broke its grading.
    if exists (select from old_rows o join new_rows n on n.id = o.id
               where o.status = 'graded' and o.current_result_id is not null and n.status = 'graded'
                     and n.current_result_id <> o.current_result_id) then
        update summary_counted t
        set result_id = r.id, score = r.score, max_score = r.max_score,
            part_outcomes = summary_part_outcomes(r.parts, n.answers)
        from old_rows o join new_rows n on n.id = o.id join results r on r.id = n.current_result_id
        where o.status = 'graded' and o.current_result_id is not null and n.status = 'graded'
              and n.current_result_id <> o.current_result_id
              and t.course = n.course and t.assignment = n.assignment and t.problem_id = n.problem_id
              and t.student_id = n.student_id and t.submission_id = n.id;
    end if;

    -- Newly graded (or given their first result): offered as the counted submission.
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

-- Deleted submissions leave the counters; where one was counted, the next latest graded one of its key counts.
create function summary_after_delete() returns trigger
language plpgsql as $$
begin
    perform summary_count_statuses(array(
        select row(course, assignment, problem_id, status, -1)::summary_status_counts from old_rows));
    delete from summary_counted t using old_rows o where t.submission_id = o.id;
    perform summary_offer_counted(array(
        select s.id from old_rows o
        join submissions s on s.course = o.course and s.assignment = o.assignment and s.problem_id = o.problem_id
                              and s.student_id = o.student_id
        where s.status = 'graded' and s.current_result_id is not null
              and not exists (select from summary_counted t where t.course = o.course and t.assignment = o.assignment
                                                               and t.problem_id = o.problem_id and t.student_id = o.student_id)));
    return null;
end
$$;

create trigger tr_submissions_summary_insert after insert on submissions
    referencing new table as new_rows for each statement execute function summary_after_insert();
create trigger tr_submissions_summary_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement execute function summary_after_update();
create trigger tr_submissions_summary_delete after delete on submissions
    referencing old table as old_rows for each statement execute function summary_after_delete();

-- Rebuilds both tables from submissions and results, set-based: the backfill below, and bench seeding that writes
-- submissions with the triggers disabled. Not for a live system (it does not lock out concurrent writers).
create function summary_rebuild() returns void
language sql as $$
    truncate summary_counted, summary_status_counts;
    insert into summary_status_counts (course, assignment, problem_id, status, n)
    select course, assignment, problem_id, status, count(*) from submissions group by 1, 2, 3, 4;
    insert into summary_counted (course, assignment, problem_id, student_id, submission_id, effective_submitted_at,
                                 result_id, score, max_score, part_outcomes)
    select s.course, s.assignment, s.problem_id, s.student_id, s.id, s.effective_submitted_at, r.id, r.score, r.max_score,
           summary_part_outcomes(r.parts, s.answers)
    from (select distinct on (course, assignment, problem_id, student_id) *
          from submissions
          where status = 'graded' and current_result_id is not null
          order by course, assignment, problem_id, student_id, effective_submitted_at desc, id desc) s
    join results r on r.id = s.current_result_id;
$$;

select summary_rebuild();
