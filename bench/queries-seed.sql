-- bench/queries.sh: 1,000,000 submissions with results for course 'bench', assignment 'a1': 5,000 students x 4 problems
-- x 50 submissions over 50 days; 98 % graded, 1 % queued, 1 % failed; 4 one-point parts per result whose statuses and
-- wrong answers are spread by a hash (60 % correct, 10 % each partial, incorrect, invalid, missing).
-- The grading queue and regrade pages (issue 9) get data of their own beside it: assignment 'a2', 100,000 graded
-- submissions of mit-6390-rec6 (5,000 students x 20) whose manual parts 1a (half graded, with a manual grade) and 1f
-- (ungraded) wait in the queue; and 200 finished regrade jobs plus one running over 100,000 submissions of a1.
\set ON_ERROR_STOP on
\timing on
alter table submissions drop constraint fk_submissions_current_result;
-- Summary aggregates: rebuilt once at the end (summary_rebuild). The triggers could not count these rows anyway: the
-- submissions are written before their results exist.
alter table submissions disable trigger tr_submissions_summary_insert, disable trigger tr_submissions_summary_update,
    disable trigger tr_submissions_summary_delete;
-- Manual parts (0022): rebuilt once at the end too (manual_parts_rebuild), for the same reason.
alter table submissions disable trigger tr_submissions_manual_parts_insert, disable trigger tr_submissions_manual_parts_update;
alter table manual_grades disable trigger tr_manual_grades_parts_insert, disable trigger tr_manual_grades_parts_delete;
-- Best scores (0016): rebuilt once at the end too (summary_best_rebuild).
alter table submissions disable trigger tr_submissions_best_insert, disable trigger tr_submissions_best_update,
    disable trigger tr_submissions_best_delete;
-- Each graded submission's successor time (0025): written by a1's insert below, set for the rest at the end
-- (window_chain_rebuild), so the 1,000,000 rows are not all written twice.
alter table submissions disable trigger tr_submissions_window_insert, disable trigger tr_submissions_window_update,
    disable trigger tr_submissions_window_delete;

insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at, received_at,
                         status, enqueued_at, graded_at, current_result_id, superseded_at)
select id, 'bench', n::text, 'bench', 'a1', 'p' || ((n / 5000) % 4 + 1), 's' || lpad((n % 5000)::text, 5, '0'),
       jsonb_build_object('q1', 'x + ' || (n % 7), 'q2', n % 5, 'q3', jsonb_build_array(n % 3, 1), 'q4', 'sigmoid(x)*' || (n % 4)),
       at, at, status, at, case when status = 'graded' then at + interval '1 second' end,
       case when status = 'graded' then id end,
       -- A key is n mod 20,000 (student n mod 5,000, problem n / 5,000 mod 4), its submissions one day apart.
       case when status = 'graded' then min(at) filter (where status = 'graded')
                                        over (partition by n % 20000 order by n rows between 1 following and unbounded following) end
from (select n, lpad(to_hex(n + 1), 32, '0')::uuid as id,
             timestamptz '2026-09-01' + (n / 20000) * interval '1 day' + (n % 5000) * interval '10 seconds' as at,
             case n % 100 when 0 then 'failed' when 1 then 'queued' else 'graded' end as status
      from generate_series(0, 999999) n) g
order by n;

insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
select s.id, s.id, 1, 'bench', p.score, 4, p.parts, s.graded_at, 1, 'bench'
from submissions s
cross join lateral (
    select sum(case st when 'correct' then 1 when 'partial' then 0.5 else 0 end) as score,
           jsonb_agg(jsonb_build_object('partId', 'q' || k, 'status', st,
                                        'score', case st when 'correct' then 1 when 'partial' then 0.5 else 0 end,
                                        'maxScore', 1, 'feedback', '') order by k) as parts
    from (select k, (array['correct', 'correct', 'correct', 'correct', 'correct', 'correct', 'partial', 'incorrect', 'invalid',
                           'missing'])[1 + abs(hashtext(s.external_id || '/' || k)) % 10] as st
          from generate_series(1, 4) k) x
) p
where s.course = 'bench' and s.status = 'graded';

-- Assignment a2: the grading queue's data. 1a is graded in every other submission (0, 0.5 or 1 point by a hash), 1f never.
insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at, received_at,
                         status, enqueued_at, graded_at, current_result_id)
select id, 'bench', 'a2/' || n, 'bench', 'a2', 'mit-6390-rec6', 's' || lpad((n % 5000)::text, 5, '0'),
       jsonb_build_object('1a', 'The loss falls because the step ' || (n % 13) || ' is small', '1f', 'answer ' || (n % 17), '2a', n % 5),
       at, at, 'graded', at, at + interval '1 second', id
from (select n, lpad(to_hex(n + 1 + 2000000), 32, '0')::uuid as id,
             timestamptz '2026-09-01' + (n / 2000) * interval '1 day' + (n % 5000) * interval '10 seconds' as at
      from generate_series(0, 99999) n) g;

insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
select s.id, s.id, 1, 'bench', p.score + 1, p.max_score + 1,
       jsonb_build_array(
           jsonb_build_object('partId', '1a', 'status', p.status, 'score', p.points, 'maxScore', 1, 'feedback', ''),
           jsonb_build_object('partId', '1f', 'status', 'manual', 'score', 0, 'maxScore', 1, 'feedback', ''),
           jsonb_build_object('partId', '2a', 'status', 'correct', 'score', 1, 'maxScore', 1, 'feedback', '')),
       s.graded_at, 1, 'bench'
from submissions s
cross join lateral (
    select case when not graded then 'manual' when points = 1 then 'correct' when points = 0 then 'incorrect' else 'partial' end as status,
           case when graded then points else 0 end as points, case when graded then points else 0 end as score,
           case when graded then 1 else 0 end as max_score
    from (select (s.external_id::text like '%0' or s.external_id like '%2' or s.external_id like '%4' or s.external_id like '%6'
                  or s.external_id like '%8') as graded,
                 (abs(hashtext(s.external_id)) % 3) * 0.5 as points) h
) p
where s.course = 'bench' and s.assignment = 'a2';

insert into manual_grades (submission_id, part_id, points, max_points, rubric_item_ids, adjustment, comment, graded_by_key,
                           graded_by_name, graded_at, result_id)
select r.submission_id, '1a', (r.parts -> 0 ->> 'score')::double precision, 1, '{}', null, '', '00000000-0000-0000-0000-000000000001',
       'bench grader', r.graded_at, r.id
from results r join submissions s on s.id = r.submission_id
where s.course = 'bench' and s.assignment = 'a2' and r.parts -> 0 ->> 'status' <> 'manual';

-- Regrade jobs: 200 finished ones (the list's pages) and one running over p1's first 100,000 submissions of a1, 60 % done,
-- every tenth done one changed (a flip on q1), one in a hundred failed.
insert into regrade_jobs (id, course, assignment, problem_id, graded_with_version_other_than_current, reason, dry_run, state,
                          total, done, changed, failed, batch_count, batches_settled, planned_versions, created_at, finished_at)
select lpad(to_hex(j), 32, '0')::uuid, 'bench', 'a1', 'p' || (j % 4 + 1), false, 'bench job ' || j, j % 2 = 0, 'completed',
       1000, 1000, 10, 0, 2, 2, '{}', timestamptz '2026-10-01' + j * interval '1 hour', timestamptz '2026-10-01' + j * interval '1 hour' + interval '5 minutes'
from generate_series(1, 200) j;
insert into regrade_jobs (id, course, assignment, problem_id, graded_with_version_other_than_current, reason, dry_run, state,
                          total, done, changed, failed, batch_count, batches_settled, planned_versions, created_at)
values ('00000000-0000-0000-0000-0000000000ff', 'bench', 'a1', 'p1', false, 'bench: the running job', false, 'running',
        100000, 60000, 6000, 600, 200, 120, '{}', timestamptz '2026-10-21');
insert into regrade_batches (job_id, batch_number, state, size, sent_at, finished_at)
select '00000000-0000-0000-0000-0000000000ff', b, case when b < 120 then 'done' else 'pending' end, 500, timestamptz '2026-10-21',
       case when b < 120 then timestamptz '2026-10-21' + interval '1 minute' end
from generate_series(0, 199) b;
insert into regrade_items (job_id, submission_id, batch_number, outcome, old_score, new_score, max_score, old_version, new_version,
                           flips, error)
select '00000000-0000-0000-0000-0000000000ff', id, i / 500,
       case when i >= 60000 then null when i % 100 = 0 then 'failed' when i % 10 = 0 then 'changed' else 'unchanged' end,
       case when i < 60000 then 3 end, case when i < 60000 and i % 100 <> 0 then case when i % 10 = 0 then 4 else 3 end end,
       case when i < 60000 then 4 end, 'bench', case when i < 60000 and i % 100 <> 0 then 'bench-2' end,
       case when i < 60000 and i % 10 = 0 and i % 100 <> 0
            then jsonb_build_array(jsonb_build_object('partId', 'q1', 'from', 'incorrect', 'to', 'correct', 'oldScore', 0, 'newScore', 1)) end,
       case when i < 60000 and i % 100 = 0 then 'bench: grading failed' end
from (select id, row_number() over (order by id) - 1 as i
      from submissions where course = 'bench' and assignment = 'a1' and problem_id = 'p1' and status = 'graded'
      order by id limit 100000) x;

alter table submissions
    add constraint fk_submissions_current_result foreign key (current_result_id) references results (id);
-- Before any trigger is enabled again: the rebuild's UPDATE would otherwise feed every statement trigger of submissions
-- a transition table of the rows it rewrites (over 16 minutes here, against seconds with them off).
select window_chain_rebuild();
alter table submissions enable trigger tr_submissions_summary_insert, enable trigger tr_submissions_summary_update,
    enable trigger tr_submissions_summary_delete;
select summary_rebuild();
alter table submissions enable trigger tr_submissions_manual_parts_insert, enable trigger tr_submissions_manual_parts_update;
alter table manual_grades enable trigger tr_manual_grades_parts_insert, enable trigger tr_manual_grades_parts_delete;
select manual_parts_rebuild();
alter table submissions enable trigger tr_submissions_best_insert, enable trigger tr_submissions_best_update,
    enable trigger tr_submissions_best_delete;
select summary_best_rebuild();
alter table submissions enable trigger tr_submissions_window_insert, enable trigger tr_submissions_window_update,
    enable trigger tr_submissions_window_delete;
vacuum analyze submissions;
vacuum analyze results;
vacuum analyze summary_counted;
vacuum analyze summary_best;
vacuum analyze summary_status_slots;
vacuum analyze manual_parts;
vacuum analyze manual_grades;
vacuum analyze regrade_items;
select count(*) as submissions, (select count(*) from results) as results from submissions;
