#!/usr/bin/env bash
# Faults under load (issue 12): a fresh PostgreSQL and RabbitMQ of this script's own (ports 26000–26003, API 26010, data
# in .local/faults), the API and two workers; then a fixed-rate signed load (RATE/s for DURATION s, each submission
# re-posted until it gets a 202 or 200, as an LMS retries) while the faults below are injected; then the counts:
# accepted, graded, failed, lost (accepted but not graded within SETTLE s of the last fault's end, or of the load's end
# if later), duplicated, the longest delay.
# Exits 0 when nothing was lost, duplicated or failed. Stops everything it started, also on Ctrl-C.
#   bench/faults.sh                      # RATE=40 DURATION=600 SETTLE=300
# Faults (seconds after the load starts, or later when the one before took longer): 20 kill -9 worker 1, 30 start it
# again; 50 RabbitMQ stopped and started again (infra/rabbitmq.sh); 95 PostgreSQL stopped, 15 s later started again
# (infra/postgres.sh). The load runs until 20 s after the last fault is over (DURATION is its upper bound).
set -euo pipefail
cd "$(dirname "$0")/.."
export GRADER_PG_PORT=${GRADER_PG_PORT:-26000} GRADER_AMQP_PORT=${GRADER_AMQP_PORT:-26001}
export GRADER_RABBIT_HTTP_PORT=${GRADER_RABBIT_HTTP_PORT:-26002} GRADER_RABBIT_DIST_PORT=${GRADER_RABBIT_DIST_PORT:-26003}
export GRADER_LOCAL=${GRADER_LOCAL:-$PWD/.local/faults}
API_PORT=${GRADER_API_PORT:-26010}
RATE=${RATE:-40} DURATION=${DURATION:-600} SETTLE=${SETTLE:-300}
SOURCE=faults SECRET=faults-secret URL="http://127.0.0.1:$API_PORT"
source infra/env.sh
LOGS=$GRADER_LOCAL/logs

log() { echo "[$(date -u +%T)] $*"; }

api_pid="" worker_pids=("" "") load_pid=""
stop_all() {
    trap - INT TERM EXIT
    log "stopping the API, the workers and the servers"
    for pid in "$load_pid" "$api_pid" "${worker_pids[@]}"; do [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "$load_pid" "$api_pid" "${worker_pids[@]}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
    infra/rabbitmq.sh stop >/dev/null 2>&1 || true
    infra/postgres.sh stop >/dev/null 2>&1 || true
}
trap stop_all INT TERM EXIT

# A fresh database and broker each run, so every count is this run's.
infra/rabbitmq.sh stop >/dev/null 2>&1 || true
infra/postgres.sh stop >/dev/null 2>&1 || true
rm -rf "$GRADER_LOCAL"
mkdir -p "$LOGS"
infra/postgres.sh start
infra/rabbitmq.sh start
log "building"
dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
dotnet build src/Grader.Worker -c Release --nologo -v quiet -clp:NoSummary
dotnet build bench/Grader.Bench -c Release --nologo -v quiet -clp:NoSummary

export ConnectionStrings__Grader="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$GRADER_PG_DATABASE;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$GRADER_AMQP_PORT RabbitMq__VirtualHost=/
export Problems__Directory="$PWD/problems" Logging__Format=text DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
export Sessions__KeyEncryptionKey=$(session_key)   # the staff session key ring is sealed outside Development (infra/env.sh)
# The sweepers look more often than in production (queued 2 min, every 30 s), so a run settles in minutes.
export Sweeper__QueuedAge=00:00:30 Sweeper__Interval=00:00:10

start_worker() {
    (cd src/Grader.Worker/bin/Release/net10.0 && exec dotnet Grader.Worker.dll) >> "$LOGS/worker-$1.log" 2>&1 &
    worker_pids[$1]=$!
}

(cd src/Grader.Api/bin/Release/net10.0 && exec env "Webhooks__Sources__${SOURCE}__Secret=$SECRET" dotnet Grader.Api.dll \
    --urls "$URL") > "$LOGS/api.log" 2>&1 &
api_pid=$!
start_worker 0
start_worker 1
for _ in $(seq 1 90); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/health/ready" >/dev/null || { tail -30 "$LOGS/api.log"; echo "error: the API is not ready" >&2; exit 1; }

log "load: $RATE/s until 20 s after the last fault (at most $DURATION s)"
dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll --url "$URL" --source "$SOURCE" --secret "$SECRET" \
    --rate "$RATE" --duration "$DURATION" --settle "$SETTLE" --faults-over "$GRADER_LOCAL/faults-over" \
    --connection "$ConnectionStrings__Grader" > "$LOGS/load.log" 2>&1 &
load_pid=$!
started=$(date +%s)
at() { local wait=$(( started + $1 - $(date +%s) )); [ "$wait" -gt 0 ] && sleep "$wait"; return 0; }

at 20; log "fault: kill -9 worker 1 (pid ${worker_pids[1]})"; kill -KILL "${worker_pids[1]}"; wait "${worker_pids[1]}" 2>/dev/null || true
at 30; log "worker 1 started again"; start_worker 1
at 50; log "fault: RabbitMQ stopped"; infra/rabbitmq.sh stop
log "RabbitMQ starting"; infra/rabbitmq.sh start
at 95; log "fault: PostgreSQL stopped"; infra/postgres.sh stop
sleep 15; log "PostgreSQL starting"
infra/postgres.sh start
touch "$GRADER_LOCAL/faults-over"

log "waiting for the load to finish and the grades to settle (at most $SETTLE s after the last fault)"
status=0
wait "$load_pid" || status=$?
load_pid=""
cat "$LOGS/load.log"
log "faulted copies in the error queues: $(infra/rabbitmq.sh ctl -q list_queues name messages 2>/dev/null | grep -E '_error|_skipped' | tr '\n' ' ')"
exit "$status"
