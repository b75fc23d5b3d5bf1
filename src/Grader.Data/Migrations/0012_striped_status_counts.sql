-- Status counters off hot rows (issue 14). Migration 0004 kept one row per (course, assignment, problem, status), and
-- every submission upserted three of them (intake, claim, grade): a dozen rows shared by every writer, each row lock held
-- through the commit's WAL flush, so concurrent writers queued behind one another (the upsert's mean grew from 2 ms to
-- 49–69 ms as concurrency rose, and a second worker made throughput worse).
--
-- Now each counter is striped over 64 slots, and a transaction adds its deltas to the slot of its own backend
-- (pg_backend_pid() % 64): a connection runs one transaction at a time, so two connections only ever share a row when
-- their process ids collide modulo 64, and the summary adds the slots up (at most 64 small rows per counter).
create table summary_status_slots (
    course     text not null,
    assignment text not null,
    problem_id text not null,
    status     text not null,
    slot       smallint not null,
    n          bigint not null,
    primary key (course, assignment, problem_id, status, slot)
);

insert into summary_status_slots (course, assignment, problem_id, status, slot, n)
select course, assignment, problem_id, status, 0, n from summary_status_counts where n <> 0;

-- summary_status_counts stays, empty: its row type is what the triggers of 0004/0005 pass their deltas as.
truncate summary_status_counts;

-- Same contract as in 0004 (one statement's deltas summed per counter, applied in key order so that two transactions
-- sharing a slot never wait on each other crosswise); only the row written is the caller's slot.
create or replace function summary_count_statuses(deltas summary_status_counts[]) returns void
language sql as $$
    insert into summary_status_slots as t (course, assignment, problem_id, status, slot, n)
    select d.course, d.assignment, d.problem_id, d.status, pg_backend_pid() % 64, sum(d.n) from unnest(deltas) d
    group by 1, 2, 3, 4 having sum(d.n) <> 0 order by 1, 2, 3, 4
    on conflict (course, assignment, problem_id, status, slot) do update set n = t.n + excluded.n
$$;

create or replace function summary_rebuild() returns void
language sql as $$
    truncate summary_counted, summary_status_counts, summary_status_slots;
    insert into summary_status_slots (course, assignment, problem_id, status, slot, n)
    select course, assignment, problem_id, status, 0, count(*) from submissions group by 1, 2, 3, 4;
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
