#!/usr/bin/env bash
# PostgreSQL's CPU per single-submission grade as the services send it over the wire, in three ways, alternated round by
# round with pgbench on bench/best-trigger-write-path.sh's database (run that first; it stays):
#   unprepared  every statement parsed, analysed and planned each time (-M extended, as Npgsql sends a statement it has not
#               prepared), and DISCARD ALL after each transaction (a pool return with reset): the services before
#               ConnectionDefaults applied its settings
#   unprepared-kept  the same without DISCARD ALL (which also drops every plan the triggers' PL/pgSQL functions cached)
#   prepared    -M prepared, no reset: Npgsql's auto-prepare and No Reset On Close, the plan cache choosing custom or generic
#   generic     prepared, and the claim's and grade's transactions on plan_cache_mode = force_generic_plan (WorkerPlans)
# Each transaction as in the services: the intake insert, the claim, the grade (result insert, mark graded, mark failed
# with no failures, LTI insert), every array a parameter. Prints the server's CPU (every process of the postmaster on
# GRADER_PG_PORT, from /proc) per submission for each round and the medians. `bench/best-trigger-worker-protocol.sh
# [rounds] [transactions]` (defaults 5, 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
rounds=${1:-5}
count=${2:-2000}
db=grader_write_path
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "work in $work"
postmaster=$(head -1 "$GRADER_LOCAL/postgres/data/postmaster.pid")
hz=$(getconf CLK_TCK)
server_ticks() { # the postmaster's CPU with its ended children's (pgbench's backend ends with it), and its live children's
    local total pid
    total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat")
    for pid in $(pgrep -P "$postmaster"); do
        total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo $total
}

script() { # $1: generic or not, $2: reset or not
    local plans=""
    [ "$1" = generic ] && plans="set local plan_cache_mode = force_generic_plan;"
    cat <<SQL
\set s random(1, 2000)
\set p random(1, 4)
select '{' || gen_random_uuid() || '}' as ids, '{' || gen_random_uuid() || '}' as rids, '{bench}' as texts,
       '{' || clock_timestamp() || '}' as times, format('{s%s}', lpad(:s::text, 4, '0')) as students, '{p' || :p || '}' as problems \gset
begin;
insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                         received_at, status, enqueued_at, lti_line_item, lti_user_id)
select id, source, id::text, course, assignment, problem_id, student_id, '{"q1": "x*(1 - 1)", "q3": 4.5}'::jsonb, t, t,
       'queued', t, null, null
from unnest(:ids::uuid[], :texts::text[], :texts::text[], :texts::text[], :problems::text[], :students::text[], :times::timestamptz[])
     as t (id, source, course, assignment, problem_id, student_id, t)
order by source, id::text
on conflict (source, external_id) do nothing;
commit;
$( [ "$2" = reset ] && echo "discard all;" )
begin;
set local synchronous_commit = off;
$plans
with wanted as (select id, max(inc) as inc from unnest(:ids::uuid[], '{1}'::int[]) as w (id, inc) group by id),
locked as (select s.id, w.inc from submissions s join wanted w using (id) where s.status <> 'graded' order by s.id for update of s),
claimed as (
    update submissions s set status = 'grading', grading_started_at = now(), attempts = s.attempts + locked.inc
    from locked where s.id = locked.id
    returning s.*)
select c.*, o.seed as override_seed, o.parameter_values::text as override_values, o.reason as override_reason,
       o.set_by as override_set_by, o.set_at as override_set_at
from claimed c
left join variant_overrides o
    on o.course = c.course and o.assignment = c.assignment and o.problem_id = c.problem_id and o.student_id = c.student_id;
commit;
$( [ "$2" = reset ] && echo "discard all;" )
begin;
$plans
with unlocked as (
    select id, answers from submissions where id = any(:ids::uuid[]) and status <> 'graded' order by id for update)
insert into results (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                     duration_ms, graded_by, part_outcomes)
select r.id, r.submission_id, 1, r.problem_version, r.variant, r.score, r.max_score, r.parts, r.graded_at,
       r.duration_ms, r.graded_by, summary_part_outcomes(r.parts, unlocked.answers)
from unnest(:ids::uuid[], :rids::uuid[], :texts::text[], '{null}'::text[], '{9.5}'::float8[], '{13}'::float8[],
            '{"[{\"partId\": \"q1\", \"status\": \"correct\", \"score\": 1, \"maxScore\": 1}, {\"partId\": \"q3\", \"status\": \"incorrect\", \"score\": 0, \"maxScore\": 1}]"}'::jsonb[],
            :times::timestamptz[], '{0.7}'::float8[], :texts::text[])
     as r (submission_id, id, problem_version, variant, score, max_score, parts, graded_at, duration_ms, graded_by)
join unlocked on unlocked.id = r.submission_id
returning submission_id as graded_id;
update submissions s set status = 'graded', graded_at = u.graded_at, current_result_id = u.id, failure_reason = null
from unnest(:ids::uuid[], :rids::uuid[], :times::timestamptz[]) as u (submission_id, id, graded_at)
where s.id = u.submission_id and s.status <> 'graded';
update submissions s set status = 'failed', failure_reason = f.reason
from unnest('{}'::uuid[], '{}'::text[]) as f (id, reason)
where s.id = f.id and s.status <> 'graded'
returning s.id as failed_id;
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
where r.id = any(:rids::uuid[]) and coalesce(s.lti_line_item, m.line_item_url) is not null
order by r.submission_id, r.revision;
commit;
$( [ "$2" = reset ] && echo "discard all;" )
SQL
}
script custom reset > "$work/unprepared.sql"
script custom keep > "$work/unprepared-kept.sql"
script custom keep > "$work/prepared.sql"
script generic keep > "$work/generic.sql"
declare -A mode=([unprepared]=extended [unprepared-kept]=extended [prepared]=prepared [generic]=prepared)

for round in $(seq 1 "$rounds"); do
    for version in unprepared unprepared-kept prepared generic; do
        sleep 1
        before=$(server_ticks)
        PGPASSWORD=$GRADER_PG_PASSWORD pgbench -n -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -M "${mode[$version]}" \
            -c 1 -t "$count" -f "$work/$version.sql" "$db" > "$work/pgbench-$version.txt" 2>&1 || { cat "$work/pgbench-$version.txt" >&2; exit 1; }
        sleep 1 # the postmaster adds an ended backend's CPU to its own children's once it has reaped it
        after=$(server_ticks)
        awk -v v="$version" -v r="$round" -v t=$((after - before)) -v hz="$hz" -v n="$count" \
            'BEGIN { printf "%s round %s server_cpu_ms %.3f\n", v, r, t * 1000 / hz / n }'
    done
done | tee "$work/rounds.txt"
echo "medians, server CPU ms per single-submission grade (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
for version in unprepared unprepared-kept prepared generic; do
    awk -v v="$version" '$1 == v { print $5 }' "$work/rounds.txt" | sort -n \
        | awk -v v="$version" '{ a[NR] = $1 } END { printf "%s %.3f\n", v, (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
done
