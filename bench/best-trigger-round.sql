-- One measured round of bench/best-trigger.sh, rolled back so every round starts from the same rows: a regrade batch
-- (one UPDATE of 500 graded submissions to new revisions, scores up and down at random), then 500 first grades (one
-- single-row UPDATE each, as the worker's grade). Prints the milliseconds spent in summary_best's update trigger for
-- each of the two (pg_stat_get_xact_function_total_time: the trigger and everything it calls, this transaction only).
\set ON_ERROR_STOP 1
begin;
set local track_functions = 'pl';
create temp table batch on commit drop as
select s.id as submission_id, gen_random_uuid() as result_id, round((random() * 10)::numeric, 1)::float8 as score
from submissions s where s.status = 'graded' and s.external_id like '%-1' order by s.student_id, s.problem_id limit 500 offset :offset;
insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
select b.result_id, b.submission_id, 2, 'v1', b.score, 10,
       jsonb_build_array(jsonb_build_object('partId', 'a', 'status', 'partial', 'score', b.score, 'maxScore', 10, 'feedback', '')),
       now(), 1, 'bench'
from batch b;
update submissions s set current_result_id = b.result_id, graded_at = now() from batch b where s.id = b.submission_id;
select pg_stat_get_xact_function_total_time('summary_best_after_update'::regproc) as batch_ms \gset
select 'regrade_batch_ms', :batch_ms;
select format('update submissions set status = ''graded'', graded_at = now(), current_result_id = %L where id = %L;', r.id, s.id)
from submissions s join results r on r.submission_id = s.id where s.status = 'grading' order by s.id \gexec
select 'first_grades_ms', pg_stat_get_xact_function_total_time('summary_best_after_update'::regproc) - :batch_ms;
rollback;
