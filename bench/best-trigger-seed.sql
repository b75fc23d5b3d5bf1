-- Seed for bench/best-trigger.sh: 2,000 students × 4 problems × 2 graded submissions (16,000), plus 500 claimed
-- submissions with a result waiting to be pointed at (first grades), written with the triggers off and then rebuilt.
set session_replication_role = replica;
insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                         received_at, status, enqueued_at, graded_at, attempts)
select gen_random_uuid(), 'bench', format('%s-%s-%s', s, p, k), 'bench', 'hw', 'p' || p, format('s%04s', s), '{"a": "x"}',
       now() - make_interval(hours => 3 - k), now(), 'graded', now(), now(), 1
from generate_series(1, 2000) s, generate_series(1, 4) p, generate_series(1, 2) k;
insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                         received_at, status, enqueued_at, attempts)
select gen_random_uuid(), 'bench', format('first-%s', s), 'bench', 'hw', 'p1', format('s%04s', s), '{"a": "x"}', now(), now(),
       'grading', now(), 1
from generate_series(1, 500) s;
insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by,
                     part_outcomes)
select gen_random_uuid(), s.id, 1, 'v1', x.sc, 10, x.parts, now(), 1, 'bench', summary_part_outcomes(x.parts, s.answers)
from submissions s
cross join lateral (select round((random() * 10)::numeric, 1)::float8 as sc) y
cross join lateral (select y.sc,
                           jsonb_build_array(jsonb_build_object('partId', 'a', 'status', 'partial', 'score', y.sc, 'maxScore', 10,
                                                                'feedback', '')) as parts) x;
update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.status = 'graded';
set session_replication_role = origin;
select summary_rebuild();
select summary_best_rebuild();
vacuum analyze;
