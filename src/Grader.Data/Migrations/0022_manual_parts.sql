-- The grading queue's counts per manual part (issue 9) expanded every result of the assignment's graded submissions (a
-- full scan of the assignment, ~1,000,000 results' parts in the benchmark). Now each manual part of a current result has
-- a row here, kept by triggers (no row is shared by two writers: each belongs to one submission, which its writer holds
-- locked), and the counts are counters striped over 64 slots as the status counters of 0012 (a writer adds its deltas to
-- its backend's slot, so two writers never queue on one counter row): the counts read at most 64 rows per part and state.
--
-- A part is here while, in the current result of a graded submission, its status is manual (ungraded) or it has a manual
-- grade (graded once its status is no longer manual): the definition ManualGradingQuery used.
create table manual_parts (
    submission_id          uuid not null references submissions (id) on delete cascade,
    part_id                text not null,
    course                 text not null,
    assignment             text not null,
    problem_id             text not null,
    effective_submitted_at timestamptz not null,
    graded                 boolean not null,
    primary key (submission_id, part_id)
);

-- The oldest ungraded (or graded) answer of a part, and the pages after it, in grading order.
create index ix_manual_parts_queue
    on manual_parts (course, assignment, problem_id, part_id, graded, effective_submitted_at, submission_id);

create table manual_part_slots (
    course     text not null,
    assignment text not null,
    problem_id text not null,
    part_id    text not null,
    graded     boolean not null,
    slot       smallint not null,
    n          bigint not null,
    primary key (course, assignment, problem_id, part_id, graded, slot)
);

-- Recomputes the rows of some submissions from their current results and grades (the one place that defines them), and
-- moves the counters by what left and what came (in key order, as 0012, so two writers sharing a slot cannot deadlock).
create function manual_parts_refresh(ids uuid[]) returns void
language sql as $$
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
$$;

-- Statement triggers (as the summary's, 0004): a regrade batch's one UPDATE is one refresh. Only submissions whose status
-- or current result changed, graded before or after, are refreshed: the worker's claim (queued to running) costs nothing.
create function manual_parts_after_submissions() returns trigger
language plpgsql as $$
declare
    changed uuid[];
begin
    if tg_op = 'INSERT' then
        changed := array(select id from new_rows where status = 'graded' and current_result_id is not null);
    else
        changed := array(
            select n.id from old_rows o join new_rows n on n.id = o.id
            where (o.status = 'graded' or n.status = 'graded')
                  and (o.status <> n.status or o.current_result_id is distinct from n.current_result_id));
    end if;
    if cardinality(changed) > 0 then
        perform manual_parts_refresh(changed);
    end if;
    return null;
end
$$;

create trigger tr_submissions_manual_parts_insert after insert on submissions
    referencing new table as new_rows for each statement execute function manual_parts_after_submissions();
create trigger tr_submissions_manual_parts_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement execute function manual_parts_after_submissions();

-- A first grade is written after its result revision (ManualGradeStore): the revision's refresh saw a non-manual part
-- without a grade and left it out; the grade's insert brings it back, graded.
create function manual_parts_after_grades() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform manual_parts_refresh(array(select distinct submission_id from new_rows));
    else
        perform manual_parts_refresh(array(select distinct submission_id from old_rows));
    end if;
    return null;
end
$$;

create trigger tr_manual_grades_parts_insert after insert on manual_grades
    referencing new table as new_rows for each statement execute function manual_parts_after_grades();
create trigger tr_manual_grades_parts_delete after delete on manual_grades
    referencing old table as old_rows for each statement execute function manual_parts_after_grades();

-- Every graded submission whose current result has a manual part or a grade: the backfill here, and bench seeding that
-- writes submissions with the triggers disabled.
create function manual_parts_rebuild() returns void
language sql as $$
    truncate manual_parts, manual_part_slots;
    insert into manual_parts (submission_id, part_id, course, assignment, problem_id, effective_submitted_at, graded)
    select distinct on (s.id, p.part ->> 'partId')
           s.id, p.part ->> 'partId', s.course, s.assignment, s.problem_id, s.effective_submitted_at, p.part ->> 'status' <> 'manual'
    from submissions s
    join results r on r.id = s.current_result_id
    cross join lateral jsonb_array_elements(r.parts) p (part)
    left join manual_grades g on g.submission_id = s.id and g.part_id = p.part ->> 'partId'
    where s.status = 'graded' and p.part ->> 'partId' is not null
      -- Containment first: most results have no manual part, and their parts are then never expanded.
      and (r.parts @> '[{"status": "manual"}]' or exists (select from manual_grades x where x.submission_id = s.id))
      and (p.part ->> 'status' = 'manual' or g.submission_id is not null)
    order by s.id, p.part ->> 'partId';
    insert into manual_part_slots (course, assignment, problem_id, part_id, graded, slot, n)
    select course, assignment, problem_id, part_id, graded, 0, count(*) from manual_parts group by 1, 2, 3, 4, 5;
$$;

select manual_parts_rebuild();
