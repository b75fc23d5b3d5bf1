-- The worker's write path in SQL, for bench/best-trigger-write-path.sh: :batches batches of :batch submissions, each the
-- statements the services send (SubmissionBatchInsert's intake insert, BatchClaim's claim, BatchGradeWrites' result
-- insert and mark-graded), one transaction each as in the services, every submission a new attempt of a student with
-- graded ones already (so each grade supersedes the student's previous latest, migration 0025's common case), each result
-- with 13 parts (4 wrong). Prints the backend's CPU milliseconds per submission (/proc/self/stat: the backend itself,
-- whatever else the machine runs) and its wall milliseconds per submission. With -v worker_plans=generic the claim's and
-- the grade's transactions start with plan_cache_mode = force_generic_plan (set local), as SubmissionBatchGrades sends
-- them; the default (custom) leaves the plan cache to choose, as before that change.
\set ON_ERROR_STOP 1
\if :{?worker_plans}
\else
\set worker_plans custom
\endif
-- claim_marker=on: the claim between grader.claim set and cleared, as SubmissionBatchGrades sends it (migration 0029);
-- failure_update=off: no empty failure update, as the worker since twowork18 (a batch without failures sends none).
\if :{?claim_marker}
\else
\set claim_marker off
\endif
\if :{?failure_update}
\else
\set failure_update on
\endif
-- manual_parts=N: the first N of the 13 parts have status manual (bench/throughput.sh's problems average 5.5 of 13.5), so
-- each grade inserts N manual_parts rows (migration 0022) as in the pipeline; 0 (the default) leaves none.
\if :{?manual_parts}
\else
\set manual_parts 0
\endif
set synchronous_commit = off; -- CPU is the measure: no wait on the WAL flush in between

create or replace procedure pg_temp.write_path(batches int, v_batch int, v_worker_plans text, v_claim_marker text,
                                                v_failure_update text, v_manual_parts int)
language plpgsql as $$
declare
    -- Every array is a variable, so each statement reaches the plan cache with the arrays as parameters, as the services
    -- send them (Npgsql, auto-prepared): a custom plan sees their lengths, a generic plan does not.
    v_ids uuid[];
    v_students text[];
    v_problems text[];
    v_results uuid[];
    v_parts jsonb[];
    v_texts text[];
    v_external text[];
    v_nulls text[];
    v_answers_list text[];
    v_times timestamptz[];
    v_statuses text[];
    v_incs int[];
    v_versions text[];
    v_scores float8[];
    v_max_scores float8[];
    v_durations float8[];
    v_no_ids uuid[] := '{}';
    v_no_reasons text[] := '{}';
    v_claimed bigint;
    v_answers text := (select jsonb_object_agg('q' || i, case when i % 3 = 0 then to_jsonb(i * 1.5) else to_jsonb('x*(1 - ' || i || ')') end)::text
                     from generate_series(1, 13) i);
    v_part_list jsonb := (select jsonb_agg(jsonb_build_object('partId', 'q' || i, 'status',
                                                            case when i <= v_manual_parts then 'manual' when i % 4 = 0 then 'incorrect'
                                                                 when i = 13 then 'partial' else 'correct' end,
                                                            'score', case when i <= v_manual_parts or i % 4 = 0 then 0 else 1 end, 'maxScore', 1,
                                                            'feedback', 'checked against the reference'))
                        from generate_series(1, 13) i);
begin
    for b in 1 .. batches loop
        v_ids := array(select gen_random_uuid() from generate_series(1, v_batch));
        v_students := array(select format('s%04s', 1 + floor(random() * 2000)::int) from generate_series(1, v_batch));
        v_problems := array(select 'p' || (1 + floor(random() * 4)::int) from generate_series(1, v_batch));
        v_results := array(select gen_random_uuid() from generate_series(1, v_batch));
        v_parts := array_fill(v_part_list, array[v_batch]);
        v_texts := array_fill('bench'::text, array[v_batch]);
        v_external := array(select x::text from unnest(v_ids) x);
        v_nulls := array_fill(null::text, array[v_batch]);
        v_answers_list := array_fill(v_answers, array[v_batch]);
        v_times := array_fill(clock_timestamp(), array[v_batch]);
        v_statuses := array_fill('queued'::text, array[v_batch]);
        v_incs := array_fill(1, array[v_batch]);
        v_versions := array_fill('v1'::text, array[v_batch]);
        v_scores := array_fill(9.5::float8, array[v_batch]);
        v_max_scores := array_fill(13::float8, array[v_batch]);
        v_durations := array_fill(0.7::float8, array[v_batch]);

        -- Intake (SubmissionBatchInsert; the API's statement, left to the plan cache in both versions).
        insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                                 received_at, status, enqueued_at, lti_line_item, lti_user_id)
        select id, source, external_id, course, assignment, problem_id, student_id, answers::jsonb, submitted_at,
               received_at, status, enqueued_at, lti_line_item, lti_user_id
        from unnest(v_ids, v_texts, v_external, v_texts, v_texts, v_problems, v_students, v_answers_list, v_times, v_times,
                    v_statuses, v_times, v_nulls, v_nulls)
             as t(id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                  received_at, status, enqueued_at, lti_line_item, lti_user_id)
        order by source, external_id
        on conflict (source, external_id) do nothing;
        commit;

        -- Claim (BatchClaim.Sql).
        if v_worker_plans = 'generic' then perform set_config('plan_cache_mode', 'force_generic_plan', true); end if;
        if v_claim_marker = 'on' then perform set_config('grader.claim', 'on', true); end if;
        with wanted as (select id, max(inc) as inc from unnest(v_ids, v_incs) as w (id, inc) group by id),
            locked as (select s.id, w.inc from submissions s join wanted w using (id) where s.status <> 'graded' order by s.id for update of s),
            claimed as (
                update submissions s set status = 'grading', grading_started_at = clock_timestamp(), attempts = s.attempts + locked.inc
                from locked where s.id = locked.id
                returning s.*)
            -- The services read every column of these rows; counted here, as plpgsql cannot return them.
            select count(c.*) + count(o.seed) + count(o.parameter_values::text) + count(o.reason) + count(o.set_by)
                   + count(o.set_at) into v_claimed
            from claimed c
            left join variant_overrides o
                on o.course = c.course and o.assignment = c.assignment and o.problem_id = c.problem_id and o.student_id = c.student_id;
        if v_claim_marker = 'on' then perform set_config('grader.claim', '', true); end if;
        commit;

        -- Grade (BatchGradeWrites' InsertResults, MarkGraded and MarkFailed, with no failures, then LtiScoreWrites'
        -- insert, which finds no LTI submission here), one transaction.
        if v_worker_plans = 'generic' then perform set_config('plan_cache_mode', 'force_generic_plan', true); end if;
        with unlocked as (
            select id, answers from submissions where id = any(v_ids) and status <> 'graded' order by id for update)
        insert into results (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                             duration_ms, graded_by, part_outcomes)
        select r.id, r.submission_id, 1, r.problem_version, r.variant, r.score, r.max_score, r.parts, r.graded_at,
               r.duration_ms, r.graded_by, summary_part_outcomes(r.parts, unlocked.answers)
        from unnest(v_ids, v_results, v_versions, v_nulls, v_scores, v_max_scores, v_parts, v_times, v_durations, v_texts)
             as r (submission_id, id, problem_version, variant, score, max_score, parts, graded_at, duration_ms, graded_by)
        join unlocked on unlocked.id = r.submission_id;
        update submissions s set status = 'graded', graded_at = u.graded_at, current_result_id = u.id, failure_reason = null
        from unnest(v_ids, v_results, v_times) as u (submission_id, id, graded_at)
        where s.id = u.submission_id and s.status <> 'graded';
        if v_failure_update = 'on' then
            update submissions s set status = 'failed', failure_reason = f.reason
            from unnest(v_no_ids, v_no_reasons) as f (id, reason)
            where s.id = f.id and s.status <> 'graded';
        end if;
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
        where r.id = any(v_results) and coalesce(s.lti_line_item, m.line_item_url) is not null
        order by r.submission_id, r.revision;
        commit;
    end loop;
end
$$;

-- One unmeasured batch first: the session's trigger and statement plans are cached, as in a running worker's connections.
call pg_temp.write_path(1, :batch, :'worker_plans', :'claim_marker', :'failure_update', :manual_parts);
select split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint
       as ticks_before, clock_timestamp() as wall_before \gset
call pg_temp.write_path(:batches, :batch, :'worker_plans', :'claim_marker', :'failure_update', :manual_parts);
select round(((split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint
               - :ticks_before) * 1000.0 / :hz / (:batches * :batch))::numeric, 3) as cpu_ms,
       round((extract(epoch from clock_timestamp() - :'wall_before'::timestamptz) * 1000 / (:batches * :batch))::numeric, 3) as wall_ms;
