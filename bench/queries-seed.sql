-- bench/queries.sh: 1,000,000 submissions with results for course 'bench', assignment 'a1': 5,000 students x 4 problems
-- x 50 submissions over 50 days; 98 % graded, 1 % queued, 1 % failed; 4 one-point parts per result whose statuses and
-- wrong answers are spread by a hash (60 % correct, 10 % each partial, incorrect, invalid, missing).
\set ON_ERROR_STOP on
\timing on
alter table submissions drop constraint fk_submissions_current_result;
-- Summary aggregates: rebuilt once at the end (summary_rebuild). The triggers could not count these rows anyway: the
-- submissions are written before their results exist.
alter table submissions disable trigger tr_submissions_summary_insert, disable trigger tr_submissions_summary_update,
    disable trigger tr_submissions_summary_delete;

insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at, received_at,
                         status, enqueued_at, graded_at, current_result_id)
select id, 'bench', n::text, 'bench', 'a1', 'p' || ((n / 5000) % 4 + 1), 's' || lpad((n % 5000)::text, 5, '0'),
       jsonb_build_object('q1', 'x + ' || (n % 7), 'q2', n % 5, 'q3', jsonb_build_array(n % 3, 1), 'q4', 'sigmoid(x)*' || (n % 4)),
       at, at, status, at, case when status = 'graded' then at + interval '1 second' end,
       case when status = 'graded' then id end
from (select n, lpad(to_hex(n + 1), 32, '0')::uuid as id,
             timestamptz '2026-09-01' + (n / 20000) * interval '1 day' + (n % 5000) * interval '10 seconds' as at,
             case n % 100 when 0 then 'failed' when 1 then 'queued' else 'graded' end as status
      from generate_series(0, 999999) n) g;

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

alter table submissions
    add constraint fk_submissions_current_result foreign key (current_result_id) references results (id);
alter table submissions enable trigger tr_submissions_summary_insert, enable trigger tr_submissions_summary_update,
    enable trigger tr_submissions_summary_delete;
select summary_rebuild();
vacuum analyze submissions;
vacuum analyze results;
vacuum analyze summary_counted;
vacuum analyze summary_status_slots;
select count(*) as submissions, (select count(*) from results) as results from submissions;
