#!/usr/bin/env bash
# Issue 14, the worker alone: how fast one worker drains a queue that is already full, and the CPU it and PostgreSQL
# spend per submission (load-independent enough to compare settings on a busy machine).
#   bench/drain.sh [count] [worker settings as NAME=VALUE …]     e.g. bench/drain.sh 3000 Worker__BatchMessageLimit=1
# Starts PostgreSQL and RabbitMQ (infra scripts, GRADER_* ports and folder as for run.sh) unless they run, the API, then
# posts [count] submissions with no worker consuming; once all are queued it starts one worker and times the drain.
# Uses a database and a vhost of its own (grader_drain, /drain); stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3000}
shift || true
NAME=drain
source bench/lib.sh
# Another build of the worker to compare with (a copy of an earlier bin/Release/net10.0), back to back on one machine.
WORKER_DIR=$(realpath "${GRADER_DRAIN_WORKER_DIR:-src/Grader.Worker/bin/Release/net10.0}")
start_worker() { # settings… → the worker's pid in $worker
    (cd "$WORKER_DIR" && exec env "$@" dotnet Grader.Worker.dll) > "$LOGS/worker.log" 2>&1 &
    worker=$!
    pids+=($worker)
}
# A first worker declares the queue, then stops: the posts below wait in it.
start_worker
wait_for_api
sleep 5
kill -TERM "$worker"; wait "$worker" 2>/dev/null || true

count() { psql_on "$DB" -t -A -c "select count(*) from submissions where status in ($1)"; }
cpu() { # pids… → their user+system CPU seconds
    local ticks=0 pid
    for pid in "$@"; do [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
postgres_pids() { pgrep -f "postgres: .*$DB" || true; }

bench=(dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll --url "$URL" --secret "$SECRET" --connection "$connection")
"${bench[@]}" --count "$COUNT" --concurrency 16 > "$LOGS/bench.log" 2>&1 &
poster=$!
pids+=($poster)
until [ "$(count "'queued'")" -ge "$COUNT" ]; do sleep 1; done
sleep 1
echo "== $COUNT queued; one worker with: ${*:-defaults} (load $(cut -d' ' -f1-3 /proc/loadavg))"
start_worker "$@"
t0=$(date +%s.%N)
sleep 0.5
pg_before=$(cpu $(postgres_pids))
# Steady state: from the tenth graded on, past the worker's start-up (JIT, connections), which the first figure includes.
until [ "$(count "'graded', 'failed'")" -ge $((COUNT / 10)) ]; do sleep 0.2; done
steady_done=$(count "'graded', 'failed'")
steady_t0=$(date +%s.%N)
steady_cpu0=$(cpu "$worker")
until [ "$(count "'queued', 'grading'")" -eq 0 ]; do sleep 0.2; done
t1=$(date +%s.%N)
worker_cpu=$(cpu "$worker")
pg_after=$(cpu $(postgres_pids))
wait "$poster" || true
awk -v n="$COUNT" -v t0="$t0" -v t1="$t1" -v w="$worker_cpu" -v a="$pg_before" -v b="$pg_after" 'BEGIN {
    s = t1 - t0
    printf "drained %d in %.1f s = %.0f graded/s; worker CPU %.2f s (%.2f ms a submission, start-up included); PostgreSQL backends %.2f s (%.2f ms)\n",
        n, s, n / s, w, 1000 * w / n, b - a, 1000 * (b - a) / n }'
awk -v n="$((COUNT - steady_done))" -v t0="$steady_t0" -v t1="$t1" -v c0="$steady_cpu0" -v c1="$worker_cpu" 'BEGIN {
    printf "steady (the last %d, start-up excluded): %.0f graded/s; worker CPU %.2f ms a submission\n", n, n / (t1 - t0), 1000 * (c1 - c0) / n }'
psql_on "$DB" -t -A -F' ' -c "select pg_stat_force_next_flush()" \
    -c "select 'submissions updates: ' || n_tup_upd || ', of which HOT: ' || n_tup_hot_upd from pg_stat_user_tables where relname = 'submissions'"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
