#!/usr/bin/env bash
# Bulk regrade throughput: `bench/regrade.sh [submissions] [workers]` (defaults 100000 and 1). Needs the servers
# (infra/postgres.sh start; infra/rabbitmq.sh start); starts its own API and workers on a fresh database, seeds graded
# submissions with SQL (the five examples/ answer files round-robin, graded against an older problem version), starts
# one regrade of everything outdated and prints the span from the job's creation to its finish. Not part of ./test.sh.
# Tuning: Regrade__BatchSize (API), Regrade__ConcurrentMessageLimit and Regrade__PrefetchCount (workers) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
COUNT=${1:-100000}
WORKERS=${2:-1}
PORT=${GRADER_BENCH_API_PORT:-5181}
DB=grader_bench_regrade
VHOST=grader-bench-regrade
LOGS=.local/logs
mkdir -p "$LOGS"

dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
dotnet build src/Grader.Worker -c Release --nologo -v quiet -clp:NoSummary
dotnet build src/Grader.Cli -c Release --nologo -v quiet -clp:NoSummary

psql_db() { PGPASSWORD=$GRADER_PG_PASSWORD psql -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_db -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
infra/rabbitmq.sh ctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
infra/rabbitmq.sh ctl -q add_vhost "$VHOST"
infra/rabbitmq.sh ctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*'

export ConnectionStrings__Grader="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$DB;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$GRADER_AMQP_PORT RabbitMq__VirtualHost=$VHOST
export Problems__Directory="$PWD/problems" Logging__Format=text DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
export Sessions__KeyEncryptionKey=$(session_key)   # the staff session key ring is sealed outside Development (infra/env.sh)
export Logging__LogLevel__Grader=Warning

pids=()
stop_children() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait "${pids[@]}" 2>/dev/null || true; }
trap stop_children EXIT
(cd src/Grader.Api/bin/Release/net10.0 && exec dotnet Grader.Api.dll --urls "http://127.0.0.1:$PORT") > "$LOGS/bench-api.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break; sleep 1; done

# The API migrated the database; seed graded submissions whose results carry an old version.
answers=$(for f in examples/*.json; do printf '%s\t%s\n' "$(basename "$f" .json | sed 's/\.mistakes$//')" "$(tr -d '\n' < "$f")"; done)
{
    echo "create temp table example (n int, problem_id text, answers jsonb);"
    echo "copy example (problem_id, answers) from stdin;"
    printf '%s\n' "$answers" | sed 's/\\/\\\\/g'
    echo '\.'
    cat <<SQL
update example e set n = x.rn - 1 from (select ctid, row_number() over (order by problem_id, answers::text) rn from example) x where x.ctid = e.ctid;
insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers, submitted_at,
                         received_at, status, enqueued_at, graded_at, attempts)
select gen_random_uuid(), 'bench', 'bench-' || g, 'bench', 'a1', e.problem_id, 'student-' || g, e.answers, now(), now(),
       'graded', now(), now(), 1
from generate_series(1, $COUNT) g join example e on e.n = g % (select count(*) from example);
insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
select gen_random_uuid(), id, 1, '0000000000000000', 0, 1, '[]', now(), 0, 'seed' from submissions;
update submissions s set current_result_id = r.id from results r where r.submission_id = s.id;
vacuum analyze;
SQL
} | psql_db -d "$DB"
echo "seeded $(psql_db -d "$DB" -c 'select count(*) from submissions') graded submissions"

for i in $(seq "$WORKERS"); do
    (cd src/Grader.Worker/bin/Release/net10.0 && exec dotnet Grader.Worker.dll) > "$LOGS/bench-worker-$i.log" 2>&1 &
    pids+=($!)
done
sleep 5 # the workers declare the regrade queue and start consuming

# Regrades need an instructor or admin key (access control); one without courses may regrade across every course.
key=$(dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll keys create --role admin --connection "$ConnectionStrings__Grader")
job=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/regrades" -H 'Content-Type: application/json' -H "Authorization: Bearer $key" \
    --data '{"gradedWithVersionOtherThanCurrent": true, "reason": "bench/regrade.sh"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
echo "regrade job $job"
while :; do
    state=$(psql_db -d "$DB" -c "select state || ' ' || done || '/' || total from regrade_jobs where id = '$job'")
    echo "  $state"
    case $state in running*) sleep 2 ;; *) break ;; esac
done
psql_db -d "$DB" -F ' ' -c "select 'total', total, 'changed', changed, 'failed', failed,
    'seconds', round(extract(epoch from finished_at - created_at)::numeric, 1),
    'per_second', round(total / extract(epoch from finished_at - created_at)::numeric)
    from regrade_jobs where id = '$job'"
psql_db -d "$DB" -c "select 'revisions written: ' || count(*) from results where regrade_job_id = '$job'"
