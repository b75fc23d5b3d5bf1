# Shared set-up of bench/drain.sh and bench/throughput.sh. Sourced, not run, from the repository root with NAME set
# (e.g. NAME=drain): a database grader_$NAME and a vhost /$NAME of its own, made afresh; logs in $GRADER_LOCAL/logs/$NAME.
# Starts PostgreSQL and RabbitMQ (infra scripts; ports and data folder from GRADER_* as for run.sh) unless they run, builds
# the API, the worker and Grader.Bench (unless NO_BUILD), and starts the API (pid in $api and pids) on $URL with webhook source `local` ($SECRET) and
# rate limits raised for load. On exit it stops every pid in pids, drops the vhost and stops the servers it started.
# Leaves to the script: its workers (start_worker), then wait_for_api.
source infra/env.sh
API_PORT=${GRADER_API_PORT:-5080}
URL="http://127.0.0.1:$API_PORT"
SECRET=local-dev-secret
LOGS=$GRADER_LOCAL/logs/$NAME
DB=grader_$NAME
export PGPASSWORD=$GRADER_PG_PASSWORD
mkdir -p "$LOGS"

started=()
pids=()
infra/postgres.sh status >/dev/null || { infra/postgres.sh start; started+=(postgres); }
infra/rabbitmq.sh status >/dev/null || { infra/rabbitmq.sh start; started+=(rabbitmq); }
stop_all() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true
    infra/rabbitmq.sh ctl -q delete_vhost "$NAME" >/dev/null 2>&1 || true
    for server in "${started[@]}"; do "infra/$server.sh" stop; done
}
trap stop_all EXIT

if [ -z "${NO_BUILD:-}" ]; then
    dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
    dotnet build src/Grader.Worker -c Release --nologo -v quiet -clp:NoSummary
    dotnet build bench/Grader.Bench -c Release --nologo -v quiet -clp:NoSummary
fi

psql_on() { psql -q -X -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d "$1" "${@:2}"; }
psql_on postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
infra/rabbitmq.sh ctl -q delete_vhost "$NAME" >/dev/null 2>&1 || true
infra/rabbitmq.sh ctl -q add_vhost "$NAME" >/dev/null
infra/rabbitmq.sh ctl -q set_permissions -p "$NAME" guest '.*' '.*' '.*' >/dev/null

connection="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$DB;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
export ConnectionStrings__Grader=$connection RabbitMq__Host=127.0.0.1 RabbitMq__Port=$GRADER_AMQP_PORT \
    RabbitMq__VirtualHost=$NAME Problems__Directory="$PWD/problems" DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_ENVIRONMENT=Production Logging__Format=${Logging__Format:-text}
export Sessions__KeyEncryptionKey=$(session_key)   # the staff session key ring is sealed outside Development (infra/env.sh)
# The webhook's per-source budget (200/s by default) would turn the fixed rate and the bursts into 429s.
export RateLimits__PerSource__PermitsPerMinute=100000000 RateLimits__PerClient__PermitsPerMinute=100000000
# API_DIR: another build of the API (dotnet build src/Grader.Api -c Release -o <folder>); API_ENV="NAME=value ...": settings
# for the API only (runtime knobs compared back to back).
# shellcheck disable=SC2086
(cd "${API_DIR:-src/Grader.Api/bin/Release/net10.0}" && exec env "Webhooks__Sources__local__Secret=$SECRET" ${API_ENV:-} \
    dotnet Grader.Api.dll --urls "$URL") > "$LOGS/api.log" 2>&1 &
api=$!
pids+=($api)

wait_for_api() {
    for _ in $(seq 1 60); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
    tail -20 "$LOGS/api.log"; echo "error: the API is not ready" >&2; exit 1
}

# CPU ledger (bench/throughput.sh): user+system clock ticks of processes from /proc, so a phase's CPU per submission can
# be split by process. The machine's load changes how long a phase takes, much less how much CPU it costs.
HZ=$(getconf CLK_TCK)
ticks() { # pids… → their user+system ticks (0 for one that is gone)
    local sum=0 pid
    for pid in "$@"; do [[ $pid =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/stat" ] && sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
    echo "$sum"
}
# Every PostgreSQL process of this server: the postmaster, its live children (backends, WAL writer, checkpointer…) and
# the children that already exited (the postmaster waits for them, so their CPU is in its cutime/cstime).
postgres_ticks() {
    local master; master=$(head -1 "$GRADER_LOCAL/postgres/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    local own; own=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$master/stat" 2>/dev/null || echo 0)
    # shellcheck disable=SC2046
    echo $((own + $(ticks $(pgrep -P "$master"))))
}
rabbit_ticks() { ticks "$(cat "$GRADER_LOCAL/rabbitmq/rabbit.pid" 2>/dev/null)"; }   # the beam process
# The whole machine's busy and idle ticks (/proc/stat, all cores; iowait counts as idle): what a phase left unused, and
# what processes outside the ledger (other work on a shared machine) took.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat; }
# Runs a command and writes the CPU ticks it (and its children) used into the file $1: the subshell waits for it, so
# its CPU lands in the subshell's cutime/cstime, also after it exited.
run_counted() {
    local file=$1; shift
    ( "$@"; rc=$?; awk '{ print $16 + $17 }' "/proc/$BASHPID/stat" > "$file"; exit $rc )
}
ms_each() { awk -v t="${1:-0}" -v hz="$HZ" -v n="${2:-0}" 'BEGIN { if (n > 0) printf "%.2f", 1000 * t / hz / n; else print "?" }'; }
