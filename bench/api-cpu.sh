#!/usr/bin/env bash
# Issue 14: the API's CPU per accepted webhook, and the webhook latency at a fixed rate.
#   bench/api-cpu.sh [count] [posts] [rounds]      (defaults 3000 submissions, 16 concurrent posts, 3 rounds)
# Uses running PostgreSQL and RabbitMQ (infra scripts, ports and data folder from GRADER_* as for run.sh; started here
# when not running, stopped again at the end), a database and vhost of its own (grader_apicpu, /apicpu), the API and
# one worker. After a warm-up, each round posts a burst and reads the API process's user+system CPU
# (/proc/<pid>/stat) before and after it: CPU ms per accepted webhook (the burst's grading wait is included; the API is
# idle then). Then a fixed rate of $RATE/s for $SECONDS_AT_RATE s reports p50/p99 (Grader.Bench --rate).
# TRACE=1 records the last round with dotnet-trace (into $GRADER_LOCAL/logs/apicpu/api.nettrace).
# PERF=1 records round $PERF_ROUND (default 1; the last is the warmest) with perf (into $GRADER_LOCAL/logs/apicpu/perf.data);
# API_ENV=DOTNET_PerfMapEnabled=1 lets `perf report` name the JIT-compiled code. PERF_RATE=1 records the fixed rate too
# (into $GRADER_LOCAL/logs/apicpu/perf-rate.data), where each webhook's work is less shared with its neighbours'.
# API_ENV="NAME=value ..." adds environment to the API only (to compare runtime settings back to back).
# COUNTERS=1 records the API's runtime counters over the fixed rate with dotnet-counters (dotnet tool install -g
# dotnet-counters): GC pause time and collections by generation, the thread pool's queue and threads, lock contention.
# API_DIR=<folder> runs the API built there (dotnet build src/Grader.Api -c Release -o <folder>), to compare two builds.
# JIT=1 has the API's JIT list every method it compiles (DOTNET_JitStdOutFile, DOTNET_JitDisasmSummary) and prints, per
# round, how many it compiled at each tier: the tier-up still running is what a cold round's extra CPU is.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3000}
POSTS=${2:-16}
ROUNDS=${3:-3}
RATE=${RATE:-500}
SECONDS_AT_RATE=${SECONDS_AT_RATE:-10}
NAME=apicpu
if [ -n "${JIT:-}" ]; then
    source infra/env.sh
    jit_file=$GRADER_LOCAL/logs/$NAME/jit.txt
    mkdir -p "$(dirname "$jit_file")"; rm -f "$jit_file"
    API_ENV="${API_ENV:-} DOTNET_JitStdOutFile=$jit_file DOTNET_JitDisasmSummary=1"
fi
source bench/lib.sh
(cd src/Grader.Worker/bin/Release/net10.0 && exec dotnet Grader.Worker.dll) > "$LOGS/worker.log" 2>&1 &
pids+=($!)
wait_for_api

bench() {
    dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll --url "$URL" --secret "$SECRET" --connection "$connection" "$@"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$api/stat"; }
# Minor page faults: the GC handing out memory the kernel must map and zero first (a perf profile showed them under the
# GC's clearing of each allocation quantum), counted like the CPU, per webhook.
faults() { awk '{ print $10 }' "/proc/$api/stat"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ticks_per_second=$(getconf CLK_TCK)
# The tiered-compilation worker thread's CPU (tier-1 and instrumented recompiles run there; quick JIT runs on the
# request threads). It exits after 4 s idle and another starts: a round that spans that loses the first one's ticks.
tier_up_ticks() {
    local sum=0 task
    for task in /proc/"$api"/task/*; do
        # The thread's name has spaces, so its stat's fields are counted after the name's closing parenthesis.
        [[ $(cat "$task/comm" 2>/dev/null) == ".NET Tiered"* ]] &&
            sum=$((sum + $(sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0)))
    done
    echo "$sum"
}
jit_lines() { if [ -n "${JIT:-}" ]; then wc -l < "$jit_file"; else echo 0; fi; }
# The methods compiled since line $1 of the JIT's list, by tier ("Tier0", "Instrumented Tier1", "Tier1-OSR", …).
jit_since() {
    [ -n "${JIT:-}" ] || return 0
    tail -n +"$(($1 + 1))" "$jit_file" | sed -n 's/.*\[\([^,]*\),.*/\1/p' | sort | uniq -c | sort -rn |
        awk '{ n = $1; $1 = ""; printf "%s%s %d", (NR > 1 ? "," : "  JIT:"), $0, n } END { print "" }'
}

echo "API_ENV: ${API_ENV:-(none)}"
# The warm-up lets tiered compilation finish: the first thousands of requests cost several times the later ones.
[ "${WARMUP:-3000}" = 0 ] || bench --count "${WARMUP:-3000}" --concurrency "$POSTS" >/dev/null || true
[ -z "${JIT:-}" ] || echo "start-up and warm-up: API CPU $(awk -v t="$(cpu_ticks)" -v hz="$ticks_per_second" 'BEGIN { printf "%.1f", t / hz }') s$(jit_since 0)"
for round in $(seq 1 "$ROUNDS"); do
    before=$(cpu_ticks); faults_before=$(faults); load_before=$(load); jit_before=$(jit_lines); tier_before=$(tier_up_ticks)
    if [ -n "${PERF:-}" ] && [ "$round" = "${PERF_ROUND:-1}" ]; then # API_ENV=DOTNET_PerfMapEnabled=1 names the JIT code
        perf record -q -F 999 -g -p "$api" -o "$LOGS/perf.data" 2>/dev/null & perf=$!
    fi
    if [ -n "${TRACE:-}" ] && [ "$round" = "$ROUNDS" ]; then # a dotnet-trace CPU sample of the last round
        # --duration: a background job ignores SIGINT, and dotnet-trace stops cleanly only on it or at its duration.
        (sleep 1; dotnet-trace collect -p "$api" --profile dotnet-sampled-thread-time --format Speedscope \
            --duration "00:00:00:${TRACE_SECONDS:-5}" -o "$LOGS/api.nettrace" > "$LOGS/trace.log" 2>&1) & trace=$!
    fi
    out=$(bench --count "$COUNT" --concurrency "$POSTS" || true)
    after=$(cpu_ticks); faults_after=$(faults); tier_after=$(tier_up_ticks)
    [ -n "${trace:-}" ] && { wait "$trace" || true; trace=; }
    [ -n "${perf:-}" ] && { kill -TERM "$perf"; wait "$perf" || true; perf=; }
    accepted=$(echo "$out" | sed -n 's/^accepted: \([0-9]*\) in .*= \([0-9]*\) submissions.*/\1 \2/p')
    read -r n per_second <<< "$accepted"
    awk -v t="$((after - before))" -v hz="$ticks_per_second" -v n="${n:-0}" -v r="$round" -v s="${per_second:-?}" -v l="$load_before" \
        -v f="$((faults_after - faults_before))" -v j="$((tier_after - tier_before))" \
        'BEGIN { printf "round %d: %d accepted at %s/s, API CPU %.3f ms per webhook (tier-up thread %.3f), %.1f page faults per webhook (load %s)\n", r, n, s, (n > 0 ? 1000 * t / hz / n : 0), (n > 0 ? 1000 * (j > 0 ? j : 0) / hz / n : 0), (n > 0 ? f / n : 0), l }'
    jit_since "$jit_before"
done
if [ "$SECONDS_AT_RATE" != 0 ]; then
    before=$(cpu_ticks); faults_before=$(faults); load_before=$(load)
    if [ -n "${COUNTERS:-}" ]; then
        PATH=$PATH:$HOME/.dotnet/tools
        rm -f "$LOGS/counters.csv"
        # --duration: like dotnet-trace, a background dotnet-counters ignores SIGINT. The rate's seconds and 2 s after.
        dotnet-counters collect -p "$api" --format csv -o "$LOGS/counters.csv" --refresh-interval 1 \
            --duration "$(printf '00:00:%02d:%02d' $(((SECONDS_AT_RATE + 2) / 60)) $(((SECONDS_AT_RATE + 2) % 60)))" \
            --counters "System.Runtime[dotnet.gc.pause.time,dotnet.gc.collections,dotnet.thread_pool.queue.length,dotnet.thread_pool.thread.count,dotnet.monitor.lock_contentions]" \
            > "$LOGS/counters.log" 2>&1 & counters=$!
        sleep 1
    fi
    if [ -n "${PERF_RATE:-}" ]; then
        perf record -q -F 999 -g -p "$api" -o "$LOGS/perf-rate.data" 2>/dev/null & perf=$!
    fi
    fixed=$(bench --rate "$RATE" --seconds "$SECONDS_AT_RATE" || true)
    after=$(cpu_ticks); faults_after=$(faults)
    [ -n "${perf:-}" ] && { kill -TERM "$perf"; wait "$perf" || true; perf=; }
    [ -n "${counters:-}" ] && { wait "$counters" || true; }
    echo "fixed $RATE/s for $SECONDS_AT_RATE s (load $load_before): $(echo "$fixed" | grep -E '^(achieved|latency)' | tr '\n' ' ')API CPU $(awk -v t="$((after - before))" -v hz="$ticks_per_second" -v n="$(awk -v r="$RATE" -v s="$SECONDS_AT_RATE" 'BEGIN { print r * s }')" 'BEGIN { printf "%.3f", 1000 * t / hz / n }') ms per webhook, $(awk -v f="$((faults_after - faults_before))" -v n="$((RATE * SECONDS_AT_RATE))" 'BEGIN { printf "%.1f", f / n }') page faults per webhook"
    [ -n "${counters:-}" ] && bench/counters-summary.awk "$LOGS/counters.csv"
    echo "API resident memory after the rate: $(awk '/^VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$api/status")"
fi
