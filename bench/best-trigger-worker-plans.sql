-- The worker's batch statements' plans, custom against generic, for bench/best-trigger-worker-plans.sh: prepares the
-- statements SubmissionBatchGrades sends (BatchClaim.Sql; BatchGradeWrites' InsertResults, MarkGraded and MarkFailed;
-- LtiScoreWrites' and GradeEventInserts' inserts for the results), their text as in the services, then in one transaction
-- that is rolled back: :n new queued submissions (new attempts of seeded students, so the grade supersedes their previous
-- latest; with -v overrides=N, N variant overrides plus one for each of them), and EXPLAIN (ANALYZE, BUFFERS) of each statement on them under plan_cache_mode = :mode (auto, as before, or
-- force_generic_plan, as SubmissionBatchGrades now sets it). Needs bench/best-trigger-write-path.sh's database.
\set ON_ERROR_STOP 1
prepare claim(timestamptz, uuid[], int[]) as
    with wanted as (select id, max(inc) as inc from unnest($2::uuid[], $3::int[]) as w (id, inc) group by id),
    locked as (select s.id, w.inc from submissions s join wanted w using (id) where s.status <> 'graded' order by s.id for update of s),
    claimed as (
        update submissions s set status = 'grading', grading_started_at = $1, attempts = s.attempts + locked.inc
        from locked where s.id = locked.id
        returning s.*)
    select c.*, o.seed as override_seed, o.parameter_values::text as override_values, o.reason as override_reason,
           o.set_by as override_set_by, o.set_at as override_set_at
    from claimed c
    left join variant_overrides o
        on o.course = c.course and o.assignment = c.assignment and o.problem_id = c.problem_id and o.student_id = c.student_id;
prepare insert_results(uuid[], uuid[], text[], text[], float8[], float8[], jsonb[], timestamptz[], float8[], text[]) as
    with unlocked as (
        select id, answers from submissions where id = any($1) and status <> 'graded' order by id for update)
    insert into results (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                         duration_ms, graded_by, part_outcomes)
    select r.id, r.submission_id, 1, r.problem_version, r.variant, r.score, r.max_score, r.parts, r.graded_at,
           r.duration_ms, r.graded_by, summary_part_outcomes(r.parts, unlocked.answers)
    from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::jsonb[],
                $8::timestamptz[], $9::float8[], $10::text[])
         as r (submission_id, id, problem_version, variant, score, max_score, parts, graded_at, duration_ms, graded_by)
    join unlocked on unlocked.id = r.submission_id
    returning submission_id as graded_id;
prepare mark_graded(uuid[], uuid[], timestamptz[]) as
    update submissions s set status = 'graded', graded_at = u.graded_at, current_result_id = u.id, failure_reason = null
    from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as u (submission_id, id, graded_at)
    where s.id = u.submission_id and s.status <> 'graded';
prepare mark_failed(uuid[], text[]) as
    update submissions s set status = 'failed', failure_reason = f.reason
    from unnest($1::uuid[], $2::text[]) as f (id, reason)
    where s.id = f.id and s.status <> 'graded'
    returning s.id as failed_id;
prepare lti_scores(uuid[]) as
    insert into lti_score_posts (id, source, submission_id, result_id, revision, line_item_url, user_id, score_given, score_maximum,
                                 grading_progress, score_timestamp, next_attempt_at, retry_from)
    select gen_random_uuid(), s.source, s.id, r.id, r.revision, coalesce(s.lti_line_item, m.line_item_url),
           coalesce(s.lti_user_id, s.student_id), r.score, r.max_score,
           case when exists (select 1 from jsonb_array_elements(r.parts) part where part->>'status' = 'manual')
                then 'PendingManual' else 'FullyGraded' end,
           r.graded_at, now(), now()
    from results r
    join submissions s on s.id = r.submission_id
    join lti_platforms p on p.source = s.source
    left join lti_line_item_maps m on m.source = s.source and m.course = s.course and m.assignment = s.assignment
    where r.id = any($1) and coalesce(s.lti_line_item, m.line_item_url) is not null
    order by r.submission_id, r.revision;
prepare grade_events(uuid[], text[], text) as
    insert into grade_events (id, source, submission_id, result_id, revision, type, occurred_at, next_attempt_at, retry_from)
    select gen_random_uuid(), s.source, r.submission_id, r.id, r.revision, $3, r.graded_at, now(), now()
    from results r join submissions s on s.id = r.submission_id
    where r.id = any($1) and s.source = any($2)
    order by r.submission_id, r.revision;

begin;
create temp table batch on commit drop as
select gen_random_uuid() as id, gen_random_uuid() as result_id, format('s%04s', 1 + (i * 7919) % 2000) as student,
       'p' || (1 + i % 4) as problem
from generate_series(1, :n) i;
insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                         received_at, status, enqueued_at)
select id, 'bench', id::text, 'bench', 'hw', problem, student, '{"q1": "x"}', clock_timestamp(), clock_timestamp(), 'queued',
       clock_timestamp()
from batch;
-- :overrides variant overrides of the batch's course (0 unless given), so the claim's join has a table to plan against.
\if :{?overrides}
\else
\set overrides 0
\endif
insert into variant_overrides (course, assignment, problem_id, student_id, seed, set_by, set_at)
select 'bench', 'hw', 'p' || (1 + i % 4), format('o%06s', i), i, 'bench', now() from generate_series(1, :overrides) i;
insert into variant_overrides (course, assignment, problem_id, student_id, seed, set_by, set_at)
select 'bench', 'hw', problem, student, 7, 'bench', now() from batch where :overrides > 0 on conflict do nothing;
analyze batch;
analyze variant_overrides;
-- EXECUTE takes no subquery: the batch's arrays as literals.
select array_agg(id order by id)::text as ids, array_agg(result_id order by id)::text as result_ids,
       array_agg(1)::text as incs, array_agg('v1'::text)::text as versions, array_agg(null::text)::text as variants,
       array_agg(1::float8)::text as scores, array_agg(clock_timestamp())::text as times, array_agg('bench'::text)::text as graders,
       array_agg('[{"partId": "q1", "status": "correct", "score": 1, "maxScore": 1}]'::jsonb)::text as parts
from batch \gset
set local plan_cache_mode = :mode;
\echo ==== claim
explain (analyze, buffers, timing off, summary off) execute claim(clock_timestamp(), :'ids', :'incs');
\echo ==== insert_results
explain (analyze, buffers, timing off, summary off)
execute insert_results(:'ids', :'result_ids', :'versions', :'variants', :'scores', :'scores', :'parts', :'times', :'scores', :'graders');
\echo ==== mark_graded
explain (analyze, buffers, timing off, summary off) execute mark_graded(:'ids', :'result_ids', :'times');
\echo ==== mark_failed (no failures, as a batch of grades sends it)
explain (analyze, buffers, timing off, summary off) execute mark_failed('{}', '{}');
\echo ==== lti_scores
explain (analyze, buffers, timing off, summary off) execute lti_scores(:'result_ids');
\echo ==== grade_events
explain (analyze, buffers, timing off, summary off) execute grade_events(:'result_ids', '{bench}', 'submission.graded');
rollback;
