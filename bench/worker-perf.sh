#!/usr/bin/env bash
# Issue 14: a perf profile of the worker process in bench/throughput.sh's one-worker burst (the warm, timed phase).
#   bench/worker-perf.sh [count] [posts]      (as throughput.sh; its variables too: NO_BUILD, WARMUP, WORKER_DIR, …)
# Runs throughput.sh with the worker's JIT code named for perf (DOTNET_PerfMapEnabled=1; W^X off, else JIT code runs
# from a memfd mapping perf cannot name), and records worker 1 from the one-worker burst's start to the fixed rate's
# (perf record -g at 999 Hz, into $GRADER_LOCAL/logs/throughput/worker-perf.data). Then:
#   perf script -i $GRADER_LOCAL/logs/throughput/worker-perf.data | bench/worker-perf-buckets.py
# The profiler's own sampling costs the worker a little CPU, so compare builds with throughput.sh alone, not this.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
OUT=$GRADER_LOCAL/logs/throughput
mkdir -p "$OUT"
log=$OUT/worker-perf.out
export WORKER_ENV="${WORKER_ENV:-} DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0"
bench/throughput.sh "$@" > "$log" 2>&1 &
run=$!
# Worker 1: the Grader.Worker.dll process of this checkout's servers (its connection string names our PostgreSQL port).
worker_pid() {
    local pid
    for pid in $(pgrep -f 'Grader.Worker.dll' || true); do
        tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -q "Port=$GRADER_PG_PORT;Database=grader_throughput" && { echo "$pid"; return; }
    done
}
until grep -q '^== pipeline, one worker: [0-9]* submissions' "$log" 2>/dev/null; do
    kill -0 "$run" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.2
done
pid=$(worker_pid)
echo "recording worker $pid through the one-worker burst"
perf record -q -F 999 -g -p "$pid" -o "$OUT/worker-perf.data" 2>/dev/null &
perf=$!
until grep -q '^== pipeline, one worker: fixed rate' "$log" 2>/dev/null; do
    kill -0 "$run" 2>/dev/null || break
    sleep 0.2
done
kill -INT "$perf"; wait "$perf" || true
wait "$run" || true
cat "$log"
