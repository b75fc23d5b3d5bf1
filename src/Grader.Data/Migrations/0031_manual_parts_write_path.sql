-- The grade's manual parts (issue 14): in bench/throughput.sh's workload every graded submission has manual parts (5.5 of
-- 13.5 a result), and manual_parts_refresh was a quarter of the worker's statement time (docs/benchmarks.md, "PostgreSQL's
-- CPU by process and statement"). Three parts of it did nothing that a first grade needs; 0031 removes them, and the rows
-- and counters the triggers keep are the same (WritePathTriggerTests compares them with manual_parts_rebuild()).

-- 1. Each manual_parts row's foreign key ran a check on submissions per inserted row (a query through SPI and a key-share
-- lock of a row the grade's own UPDATE holds already), 5.5 a submission. Every row is inserted by the refresh below, from
-- a join with the submission it names, while the transaction holds that submission's row (the UPDATE whose trigger calls
-- it) or a key-share lock on it (manual_grades' own foreign key, for a staff grade), so no row can name a submission that
-- is gone. What the key still did is the cascade on delete; a statement trigger does that now, one DELETE a statement
-- (the cascade ran one per deleted submission), and manual_parts' delete trigger (0027) moves the counters down as before.
alter table manual_parts drop constraint manual_parts_submission_id_fkey;

create function manual_parts_after_submissions_delete() returns trigger
language plpgsql as $$
begin
    delete from manual_parts where submission_id in (select id from old_rows);
    return null;
end
$$;

create trigger tr_submissions_manual_parts_delete after delete on submissions
    referencing old table as old_rows for each statement execute function manual_parts_after_submissions_delete();

-- 2. The insert half of the refresh, for submissions that have no rows: it finds what the refresh found. The staff grades
-- of all the submissions are read once, by one index scan, into hash tables that the submission's and each part's test
-- look up: the refresh looked up manual_grades once per part that is not manual (8 of 13.5 a result in the bench).
create function manual_parts_insert(ids uuid[]) returns void
language plpgsql set plan_cache_mode = force_generic_plan as $$
begin
    with grades as materialized (
        select submission_id, part_id from manual_grades where submission_id = any (ids)
    ),
    came as (
    insert into manual_parts (submission_id, part_id, course, assignment, problem_id, effective_submitted_at, graded)
    select distinct on (s.id, p.part ->> 'partId')
           s.id, p.part ->> 'partId', s.course, s.assignment, s.problem_id, s.effective_submitted_at, p.part ->> 'status' <> 'manual'
    from submissions s
    join results r on r.id = s.current_result_id
    cross join lateral jsonb_array_elements(r.parts) p (part)
    where s.id = any (ids) and s.status = 'graded' and p.part ->> 'partId' is not null
      -- Containment first: a regrade batch's results mostly have no manual part, and their parts are never expanded.
      and (r.parts @> '[{"status": "manual"}]' or s.id in (select submission_id from grades))
      and (p.part ->> 'status' = 'manual' or (s.id, p.part ->> 'partId') in (select submission_id, part_id from grades))
    order by s.id, p.part ->> 'partId'
    returning course, assignment, problem_id, part_id, graded)
    insert into manual_part_slots as t (course, assignment, problem_id, part_id, graded, slot, n)
    select course, assignment, problem_id, part_id, graded, pg_backend_pid() % 64, count(*) from came
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (course, assignment, problem_id, part_id, graded, slot) do update set n = t.n + excluded.n;
end
$$;

-- The refresh (a staff grade's insert or delete, 0022) is the delete and the insert, as before.
create or replace function manual_parts_refresh(ids uuid[]) returns void
language plpgsql set plan_cache_mode = force_generic_plan as $$
begin
    delete from manual_parts where submission_id = any (ids);
    perform manual_parts_insert(ids);
end
$$;

-- 3. The update trigger splits the refresh by what a submission can have. A submission has manual_parts rows only while
-- graded (0029's reasoning), so only those graded before the statement can have rows to delete: a first grade's DELETE
-- found nothing and still fired manual_parts' delete trigger, whose empty upsert ran too. Only those graded after it can
-- get rows: they go to the insert, whose own containment and grade tests decide. 0029's test before the refresh (a
-- results lookup and the same containment per newly graded submission, then the refresh's lookup again) is gone: when
-- nothing reaches the insert, its statement finds nothing, as the test did.
create or replace function manual_parts_after_submissions() returns trigger
language plpgsql as $$
declare
    left_graded uuid[];
    now_graded uuid[];
begin
    if tg_op = 'INSERT' then
        now_graded := array(select id from new_rows where status = 'graded' and current_result_id is not null);
    else
        left_graded := array(
            select o.id from old_rows o join new_rows n on n.id = o.id
            where o.status = 'graded' and (n.status <> 'graded' or o.current_result_id is distinct from n.current_result_id));
        now_graded := array(
            select n.id from old_rows o join new_rows n on n.id = o.id
            where n.status = 'graded' and (o.status <> 'graded' or o.current_result_id is distinct from n.current_result_id));
    end if;
    if cardinality(left_graded) > 0 then
        delete from manual_parts where submission_id = any (left_graded);
    end if;
    if cardinality(now_graded) > 0 then
        perform manual_parts_insert(now_graded);
    end if;
    return null;
end
$$;
