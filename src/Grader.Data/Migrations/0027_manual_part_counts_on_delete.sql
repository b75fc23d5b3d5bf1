-- The manual grading queue's counts (0022) kept counting the manual parts of deleted submissions: deleting a submission
-- removes its manual_parts rows by ON DELETE CASCADE, which no trigger of 0022 saw, so manual_part_slots stayed as they were
-- (found by WritePathTriggerTests, which compares every aggregate with its rebuild after every write path).
--
-- Now the counters move down in one place, a statement trigger on manual_parts' deletes, whoever deletes: the refresh
-- (which no longer counts what it removed itself) or a cascade. Statement-level, so one upsert per statement in key order
-- (as 0012): the cascade runs one DELETE per deleted submission, the refresh one per statement of submissions.
create or replace function manual_parts_refresh(ids uuid[]) returns void
language plpgsql as $$
begin
    delete from manual_parts where submission_id = any (ids);
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

create function manual_parts_after_delete() returns trigger
language plpgsql as $$
begin
    insert into manual_part_slots as t (course, assignment, problem_id, part_id, graded, slot, n)
    select course, assignment, problem_id, part_id, graded, pg_backend_pid() % 64, -count(*) from old_rows
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (course, assignment, problem_id, part_id, graded, slot) do update set n = t.n + excluded.n;
    return null;
end
$$;

create trigger tr_manual_parts_delete after delete on manual_parts
    referencing old table as old_rows for each statement execute function manual_parts_after_delete();

-- The counters again from the rows, which the cascade kept right: every part deleted with its submission so far leaves
-- the counts. (Creating the trigger locked manual_parts until this commits, so no refresh falls in between.)
truncate manual_part_slots;
insert into manual_part_slots (course, assignment, problem_id, part_id, graded, slot, n)
select course, assignment, problem_id, part_id, graded, 0, count(*) from manual_parts group by 1, 2, 3, 4, 5;
