#!/usr/bin/env bash
# Issue 14: the pipeline against the raw limits of its own servers, side by side in one run on one machine.
#   bench/throughput.sh [count] [posts]      (defaults 3000 submissions, 16 concurrent posts)
# Starts PostgreSQL and RabbitMQ (infra scripts; ports and data folder from GRADER_* as for run.sh) unless they run
# already, then in turn: the API and one worker (a warm-up, a burst of [count], a fixed rate of $RATE/s for $SECONDS s),
# a second worker beside the first (the burst again), then pgbench with Grader's durability (the two-transaction
# submission, the intake insert) and a raw RabbitMQ probe; prints a table with the ratios and the load average, and
# stops what it started. Uses databases and a vhost of its own (grader_throughput, grader_raw, /throughput).
# CPU ledger: for each timed phase, the CPU ms per submission of the load generator, the API, each worker, all of
# PostgreSQL and RabbitMQ's beam (/proc), their sum and the graded/s that sum allows on this machine's cores; the raw
# runs get the same (pgbench and PostgreSQL per submission, the probe and RabbitMQ per message). Each phase also gets the
# CPU the machine spent outside these processes (others, per submission) and the share of all cores left idle (/proc/stat).
# WARMUP (default 16000; 6000 until stop 15, 400 before the ledger) webhooks go through the API and the first worker
# before the timed burst, and again through both workers before the two-worker burst, so the timed phases measure a warm
# service. The API's tier-up is about 7-8 s of one thread's recompiles (docs/benchmarks.md, "Warm-up of the API and
# worker"): at a quiet machine's 900-1,700 webhooks/s that is 11,000-15,000 webhooks, and 6,000 left it compiling.
# WARMUP=400 measures the cold service the earlier figures did.
# BENCH_DIR=<folder> runs another build of the load generator (e.g. an earlier one, to compare its CPU); WORKER_ENV="NAME=value
# ..." gives both workers settings (batch settings compared back to back). Each ledger line ends with the phase's mean batch.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3000}
POSTS=${2:-16}
RATE=${RATE:-500}
SECONDS_AT_RATE=${SECONDS_AT_RATE:-6}
RAW_SECONDS=${RAW_SECONDS:-15}
WARMUP=${WARMUP:-16000}
NAME=throughput
source bench/lib.sh
[ -z "${PG_PROFILE:-}" ] || source bench/pg-profile.sh   # PostgreSQL's CPU, WAL, tables, statements per phase
psql_on postgres -c "drop database if exists grader_raw with (force)" -c "create database grader_raw"
workers=()
# WORKER_ENV="NAME=value ...": settings for both workers (e.g. batch settings compared back to back).
start_worker() {
    # shellcheck disable=SC2086
    (cd "${WORKER_DIR:-src/Grader.Worker/bin/Release/net10.0}" && exec env ${WORKER_ENV:-} dotnet Grader.Worker.dll) > "$LOGS/worker-$1.log" 2>&1 &
    pids+=($!)
    workers+=($!)
}
start_worker 1
wait_for_api

bench() {
    dotnet "${BENCH_DIR:-bench/Grader.Bench/bin/Release/net10.0}/Grader.Bench.dll" --url "$URL" --secret "$SECRET" --connection "$connection${PG_PROFILE:+;Application Name=generator}" "$@"
}
# VACUUM_BEFORE=1: vacuum as well, so that autovacuum, woken by the warm-up's dead rows, does not run (and analyze,
# replanning every backend's statements) inside the timed burst that follows; it fell into the two-worker burst.
analyze_tables() { psql_on "$DB" -c "${VACUUM_BEFORE:+vacuum }analyze" >/dev/null; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
cores=$(nproc)

# The ledger of one phase: snapshots of every process's ticks before and after; the generator counts its own.
ledger_rows=()
snapshot() { echo "$(ticks "$api") $(ticks "${workers[0]}") $(ticks "${workers[1]:-}") $(postgres_ticks) $(rabbit_ticks) $(machine_ticks)"; }
phase() { # name command… → the command's output in $out, its CPU in the ledger (per $n, set by the caller afterwards)
    phase_name=$1; shift
    [ -z "${PG_PROFILE:-}" ] || pg_profile_begin
    phase_before=$(snapshot); phase_b0=$(batch_lines)
    out=$(run_counted "$LOGS/generator.ticks" "$@" || true)
    phase_after=$(snapshot); phase_b1=$(batch_lines)
}
# No batch line yet (a fresh $LOGS, before the first batch) is 0, not grep's failure ending the script under pipefail.
batch_lines() { cat "$LOGS"/worker-*.log 2>/dev/null | { grep -o 'Batch of [0-9]*' || true; } | wc -l; }
ledger() { # submissions → a ledger row for the last phase, printed and kept for the table
    local n=$1 a0 w10 w20 p0 r0 b0 i0 a1 w11 w21 p1 r1 b1 i1 g timed
    read -r a0 w10 w20 p0 r0 b0 i0 <<< "$phase_before"
    read -r a1 w11 w21 p1 r1 b1 i1 <<< "$phase_after"
    g=$(cat "$LOGS/generator.ticks" 2>/dev/null || echo 0)
    # The generator's CPU while timed (Grader.Bench reports it: no start-up, no bodies built before); else its process's.
    timed=$(echo "$out" | sed -n 's/^generator CPU: \([0-9]*\) ms while timed.*/\1/p')
    local row
    row=$(awk -v n="$n" -v hz="$HZ" -v c="$cores" -v name="$phase_name" -v g="$g" -v timed="$timed" -v two="${workers[1]:-}" \
        -v a=$((a1 - a0)) -v w1=$((w11 - w10)) -v w2=$((w21 - w20)) -v p=$((p1 - p0)) -v r=$((r1 - r0)) \
        -v busy=$((b1 - b0)) -v idle=$((i1 - i0)) 'BEGIN {
        ms = 1000 / hz / n
        gen = timed != "" ? timed / n : g * ms
        sum = gen + (a + w1 + w2 + p + r) * ms
        # others: busy ticks of the machine that no process of the ledger spent (the generator counted whole here)
        others = busy - (g + a + w1 + w2 + p + r)
        printf "| %s | %d | %.2f (process %.2f) | %.2f | %.2f | %s | %.2f | %.2f | **%.2f** | %.0f/s | %.2f | %.0f %% |", name, n, gen, g * ms,
            a * ms, w1 * ms, two != "" ? sprintf("%.2f", w2 * ms) : "—", p * ms, r * ms, sum, c * 1000 / sum,
            (others > 0 ? others : 0) * ms, (busy + idle > 0 ? 100 * idle / (busy + idle) : 0) }')
    ledger_rows+=("$row")
    echo "ledger, CPU ms per submission: $row (mean batch, both workers: $(awk -v n="$n" -v b=$((phase_b1 - phase_b0)) 'BEGIN { printf "%.1f", b ? n / b : 0 }'))"
    [ -z "${PG_PROFILE:-}" ] || pg_profile_end "$phase_name" "$n"
}

echo "== warm-up of the API and worker 1: $WARMUP submissions (not counted)"
[ "$WARMUP" = 0 ] || { phase "warm-up, one worker" bench --count "$WARMUP" --concurrency "$POSTS"; ledger "$WARMUP"; }
# The database is new: plans the services cached on its empty tables (a generic plan there is a hash join over a seq
# scan) last until an analyze invalidates them, and autovacuum's comes at a time of its own choosing. Analyze here, as a
# database in service has statistics, so the timed phases do not depend on when autovacuum woke.
analyze_tables
sleep 2
load_before=$(load)
echo "== pipeline, one worker: $COUNT submissions, $POSTS concurrent posts (load $load_before)"
phase "burst, one worker" bench --count "$COUNT" --concurrency "$POSTS"; burst1=$out; echo "$burst1"; ledger "$COUNT"
accepted=$(echo "$burst1" | sed -n 's/^accepted:.*= \([0-9]*\) submissions.*/\1/p')
graded1=$(echo "$burst1" | sed -n 's/^graded:.*= \([0-9]*\) submissions.*/\1/p')

echo "== pipeline, one worker: fixed rate $RATE/s for $SECONDS_AT_RATE s"
phase "fixed $RATE/s, one worker" bench --rate "$RATE" --seconds "$SECONDS_AT_RATE"; fixed=$out; echo "$fixed"
ledger "$(awk -v r="$RATE" -v s="$SECONDS_AT_RATE" 'BEGIN { printf "%d", r * s }')"
achieved=$(echo "$fixed" | sed -n 's/^achieved: \([0-9]*\) posts.*/\1/p')
p50=$(echo "$fixed" | sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p')
p99=$(echo "$fixed" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')
lag=$(echo "$fixed" | sed -n 's/.*last grade \([0-9.-]*\) s after.*/\1/p')

start_worker 2
sleep 5
echo "== warm-up of both workers: $WARMUP submissions (not counted)"
[ "$WARMUP" = 0 ] || { phase "warm-up, two workers" bench --count "$WARMUP" --concurrency "$POSTS"; ledger "$WARMUP"; }
analyze_tables
sleep 2
echo "== pipeline, two workers: $COUNT submissions (load $(load))"
phase "burst, two workers" bench --count "$COUNT" --concurrency "$POSTS"; burst2=$out; echo "$burst2"; ledger "$COUNT"
graded2=$(echo "$burst2" | sed -n 's/^graded:.*= \([0-9]*\) submissions.*/\1/p')
# ONE_AGAIN=1: worker 2 stops and worker 1 (warm) takes the burst alone once more, after the two-worker phases: a
# one-worker figure from the same point of the run (same tables' size, same time since the last checkpoint).
if [ -n "${ONE_AGAIN:-}" ]; then
    kill -TERM "${workers[1]}"; wait "${workers[1]}" 2>/dev/null || true
    workers=("${workers[0]}")
    analyze_tables
    sleep 2
    echo "== pipeline, one worker again: $COUNT submissions (load $(load))"
    phase "burst, one worker again" bench --count "$COUNT" --concurrency "$POSTS"; echo "$out"; ledger "$COUNT"
fi
load_pipeline=$(load)
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
wait "${pids[@]}" 2>/dev/null || true
pids=()
sleep 2

raw_rows=()
pgbench_run() { # script, what one run of it is → transactions (script runs) per second in $tps; a raw ledger row
    local p0 p1 g n
    p0=$(postgres_ticks)
    run_counted "$LOGS/pgbench.ticks" pgbench -n -M prepared -c 16 -j 2 -T "$RAW_SECONDS" -h 127.0.0.1 -p "$GRADER_PG_PORT" \
        -U "$GRADER_PG_USER" -f "$1" grader_raw > "$LOGS/pgbench.out" 2>/dev/null || true
    p1=$(postgres_ticks)
    tps=$(sed -n "s/^tps = \([0-9.]*\) .*/\1/p" "$LOGS/pgbench.out" | cut -d. -f1)
    n=$(sed -n "s/^number of transactions actually processed: \([0-9]*\).*/\1/p" "$LOGS/pgbench.out")
    g=$(cat "$LOGS/pgbench.ticks" 2>/dev/null || echo 0)
    raw_rows+=("| $2 | ${n:-?} | pgbench $(ms_each "$g" "$n") | PostgreSQL $(ms_each $((p1 - p0)) "$n") | **$(ms_each $((g + p1 - p0)) "$n")** |")
}
psql_on grader_raw -f bench/raw/schema.sql
echo "== raw PostgreSQL, two-transaction submission (load $(load))"
pgbench_run bench/raw/two_tx.sql "raw: two-transaction submission (pgbench)"; raw_two=$tps; echo "$raw_two submissions/s"
psql_on grader_raw -f bench/raw/schema.sql
echo "== raw PostgreSQL, intake insert"
pgbench_run bench/raw/insert.sql "raw: intake insert (pgbench)"; raw_insert=$tps; echo "$raw_insert tx/s"
echo "== raw RabbitMQ"
r0=$(rabbit_ticks)
rabbit=$(run_counted "$LOGS/probe.ticks" bench --rabbit "amqp://guest:guest@127.0.0.1:$GRADER_AMQP_PORT/throughput" --count 20000 --concurrency 16 || true)
r1=$(rabbit_ticks)
echo "$rabbit"
raw_rabbit=$(echo "$rabbit" | sed -n 's/.*= \([0-9]*\) msg\/s$/\1/p')
probe=$(cat "$LOGS/probe.ticks" 2>/dev/null || echo 0)
raw_rows+=("| raw: RabbitMQ message, published and consumed (probe) | 20000 | probe $(ms_each "$probe" 20000) | RabbitMQ $(ms_each $((r1 - r0)) 20000) | **$(ms_each $((probe + r1 - r0)) 20000)** |")
load_after=$(load)

ratio() { awk -v a="${1:-0}" -v b="${2:-0}" -v k="${3:-1}" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a * k / b; else print "?" }'; }
echo
echo "| measure | Grader | raw limit, same servers, same run | ratio |"
echo "|---|---|---|---|"
echo "| graded/s, one worker ($COUNT, $POSTS posts) | $graded1 | $raw_two submissions/s (pgbench, 16 clients, two transactions) | $(ratio "$graded1" "$raw_two") |"
echo "| graded/s, two workers | $graded2 | | $(ratio "$graded2" "$raw_two") |"
echo "| accepted/s | $accepted | $raw_insert tx/s (pgbench, one insert a transaction) | $(ratio "$accepted" "$raw_insert") |"
# Per submission: one SubmissionGraded; the GradeSubmissions command is one per intake commit, shared by its submissions.
echo "| RabbitMQ messages/s (1 per submission + 1 per intake commit) | more than ${graded1:-0} | $raw_rabbit msg/s (durable, persistent, confirms, manual ack) | over $(ratio "$graded1" "$raw_rabbit") |"
echo "| webhook at a fixed $RATE/s | $achieved/s achieved, p50 $p50 ms, p99 $p99 ms, last grade ${lag} s after the last post | | |"
echo
echo "CPU ms per submission ($cores cores; 'allows' = cores / sum, the graded/s this CPU would allow with nothing else running;"
echo "'others' = CPU ms per submission the machine spent outside these processes; 'idle' = the share of all cores left idle"
echo "through the phase, /proc/stat):"
echo
echo "| phase | submissions | generator | API | worker 1 | worker 2 | PostgreSQL | RabbitMQ | sum | allows | others | idle |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ledger_rows[@]}"
echo
echo "| raw run | transactions | client | server | sum (ms each) |"
echo "|---|---|---|---|---|"
printf '%s\n' "${raw_rows[@]}"
echo
echo "load average (1, 5, 15 min): before the pipeline $load_before; after it $load_pipeline; after the raw runs $load_after"
