#!/usr/bin/env bash
# Issue 14: the API's CPU per accepted webhook, and the webhook latency at a fixed rate.
#   bench/api-cpu.sh [count] [posts] [rounds]      (defaults 3000 submissions, 16 concurrent posts, 3 rounds)
# Uses running PostgreSQL and RabbitMQ (infra scripts, ports and data folder from GRADER_* as for run.sh; started here
# when not running, stopped again at the end), a database and vhost of its own (grader_apicpu, /apicpu), the API and
# one worker. After a warm-up, each round posts a burst and reads the API process's user+system CPU
# (/proc/<pid>/stat) before and after it: CPU ms per accepted webhook (the burst's grading wait is included; the API is
# idle then). Then a fixed rate of $RATE/s for $SECONDS_AT_RATE s reports p50/p99 (Grader.Bench --rate).
# TRACE=1 records the last round with dotnet-trace (into $GRADER_LOCAL/logs/api-cpu/api.nettrace).
# PERF=1 records round 1 with perf (into $GRADER_LOCAL/logs/api-cpu/perf.data).
# API_ENV="NAME=value ..." adds environment to the API only (to compare runtime settings back to back).
# API_DIR=<folder> runs the API built there (dotnet build src/Grader.Api -c Release -o <folder>), to compare two builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
COUNT=${1:-3000}
POSTS=${2:-16}
ROUNDS=${3:-3}
RATE=${RATE:-500}
SECONDS_AT_RATE=${SECONDS_AT_RATE:-10}
API_PORT=${GRADER_API_PORT:-5080}
URL="http://127.0.0.1:$API_PORT"
SECRET=local-dev-secret
LOGS=$GRADER_LOCAL/logs/api-cpu
DB=grader_apicpu
export PGPASSWORD=$GRADER_PG_PASSWORD
mkdir -p "$LOGS"

started=()
pids=()
infra/postgres.sh status >/dev/null || { infra/postgres.sh start; started+=(postgres); }
infra/rabbitmq.sh status >/dev/null || { infra/rabbitmq.sh start; started+=(rabbitmq); }
stop_all() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true
    infra/rabbitmq.sh ctl -q delete_vhost apicpu >/dev/null 2>&1 || true
    for server in "${started[@]}"; do "infra/$server.sh" stop; done
}
trap stop_all EXIT

if [ -z "${NO_BUILD:-}" ]; then
    dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
    dotnet build src/Grader.Worker -c Release --nologo -v quiet -clp:NoSummary
    dotnet build bench/Grader.Bench -c Release --nologo -v quiet -clp:NoSummary
fi

psql -q -X -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d postgres \
    -c "drop database if exists $DB with (force)" -c "create database $DB"
infra/rabbitmq.sh ctl -q delete_vhost apicpu >/dev/null 2>&1 || true
infra/rabbitmq.sh ctl -q add_vhost apicpu >/dev/null
infra/rabbitmq.sh ctl -q set_permissions -p apicpu guest '.*' '.*' '.*' >/dev/null

connection="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$DB;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
export ConnectionStrings__Grader=$connection RabbitMq__Host=127.0.0.1 RabbitMq__Port=$GRADER_AMQP_PORT \
    RabbitMq__VirtualHost=apicpu Problems__Directory="$PWD/problems" DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_ENVIRONMENT=Production Logging__Format=${Logging__Format:-text}
export RateLimits__PerSource__PermitsPerMinute=100000000 RateLimits__PerClient__PermitsPerMinute=100000000
# shellcheck disable=SC2086
(cd "${API_DIR:-src/Grader.Api/bin/Release/net10.0}" && exec env "Webhooks__Sources__local__Secret=$SECRET" ${API_ENV:-} \
    dotnet Grader.Api.dll --urls "$URL") > "$LOGS/api.log" 2>&1 &
api=$!
pids+=($api)
(cd src/Grader.Worker/bin/Release/net10.0 && exec dotnet Grader.Worker.dll) > "$LOGS/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/health/ready" >/dev/null || { tail -20 "$LOGS/api.log"; echo "error: the API is not ready" >&2; exit 1; }

bench() {
    dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll --url "$URL" --secret "$SECRET" --connection "$connection" "$@"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$api/stat"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ticks_per_second=$(getconf CLK_TCK)

echo "API_ENV: ${API_ENV:-(none)}"
# The warm-up lets tiered compilation finish: the first thousands of requests cost several times the later ones.
bench --count "${WARMUP:-3000}" --concurrency "$POSTS" >/dev/null || true
for round in $(seq 1 "$ROUNDS"); do
    before=$(cpu_ticks); load_before=$(load)
    if [ -n "${PERF:-}" ] && [ "$round" = 1 ]; then # a profile of round 1 (API_ENV=DOTNET_PerfMapEnabled=1 names the JIT code)
        perf record -q -F 999 -g -p "$api" -o "$LOGS/perf.data" 2>/dev/null & perf=$!
    fi
    if [ -n "${TRACE:-}" ] && [ "$round" = "$ROUNDS" ]; then # a dotnet-trace CPU sample of the last round
        # --duration: a background job ignores SIGINT, and dotnet-trace stops cleanly only on it or at its duration.
        (sleep 1; dotnet-trace collect -p "$api" --profile dotnet-sampled-thread-time --format Speedscope \
            --duration "00:00:00:${TRACE_SECONDS:-5}" -o "$LOGS/api.nettrace" > "$LOGS/trace.log" 2>&1) & trace=$!
    fi
    out=$(bench --count "$COUNT" --concurrency "$POSTS" || true)
    after=$(cpu_ticks)
    [ -n "${trace:-}" ] && { wait "$trace" || true; trace=; }
    [ -n "${perf:-}" ] && { kill -TERM "$perf"; wait "$perf" || true; perf=; }
    accepted=$(echo "$out" | sed -n 's/^accepted: \([0-9]*\) in .*= \([0-9]*\) submissions.*/\1 \2/p')
    read -r n per_second <<< "$accepted"
    awk -v t="$((after - before))" -v hz="$ticks_per_second" -v n="${n:-0}" -v r="$round" -v s="${per_second:-?}" -v l="$load_before" \
        'BEGIN { printf "round %d: %d accepted at %s/s, API CPU %.3f ms per webhook (load %s)\n", r, n, s, (n > 0 ? 1000 * t / hz / n : 0), l }'
done
if [ "$SECONDS_AT_RATE" != 0 ]; then
    before=$(cpu_ticks); load_before=$(load)
    fixed=$(bench --rate "$RATE" --seconds "$SECONDS_AT_RATE" || true)
    after=$(cpu_ticks)
    echo "fixed $RATE/s for $SECONDS_AT_RATE s (load $load_before): $(echo "$fixed" | grep -E '^(achieved|latency)' | tr '\n' ' ')"
fi
