#!/usr/bin/env bash
# Issue 14: the pipeline against the raw limits of its own servers, side by side in one run on one machine.
#   bench/throughput.sh [count] [posts]      (defaults 3000 submissions, 16 concurrent posts)
# Starts PostgreSQL and RabbitMQ (infra scripts; ports and data folder from GRADER_* as for run.sh) unless they run
# already, then in turn: the API and one worker (a warm-up, a burst of [count], a fixed rate of $RATE/s for $SECONDS s),
# a second worker beside the first (the burst again), then pgbench with Grader's durability (the two-transaction
# submission, the intake insert) and a raw RabbitMQ probe; prints a table with the ratios and the load average, and
# stops what it started. Uses databases and a vhost of its own (grader_throughput, grader_raw, /throughput).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3000}
POSTS=${2:-16}
RATE=${RATE:-500}
SECONDS_AT_RATE=${SECONDS_AT_RATE:-6}
RAW_SECONDS=${RAW_SECONDS:-15}
NAME=throughput
source bench/lib.sh
psql_on postgres -c "drop database if exists grader_raw with (force)" -c "create database grader_raw"
start_worker() {
    (cd src/Grader.Worker/bin/Release/net10.0 && exec dotnet Grader.Worker.dll) > "$LOGS/worker-$1.log" 2>&1 &
    pids+=($!)
}
start_worker 1
wait_for_api

bench() {
    dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll --url "$URL" --secret "$SECRET" --connection "$connection" "$@"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== warm-up (not counted)"; bench --count 400 --concurrency "$POSTS" >/dev/null || true
sleep 2
load_before=$(load)
echo "== pipeline, one worker: $COUNT submissions, $POSTS concurrent posts (load $load_before)"
burst1=$(bench --count "$COUNT" --concurrency "$POSTS" || true); echo "$burst1"
accepted=$(echo "$burst1" | sed -n 's/^accepted:.*= \([0-9]*\) submissions.*/\1/p')
graded1=$(echo "$burst1" | sed -n 's/^graded:.*= \([0-9]*\) submissions.*/\1/p')

echo "== pipeline, one worker: fixed rate $RATE/s for $SECONDS_AT_RATE s"
fixed=$(bench --rate "$RATE" --seconds "$SECONDS_AT_RATE" || true); echo "$fixed"
achieved=$(echo "$fixed" | sed -n 's/^achieved: \([0-9]*\) posts.*/\1/p')
p50=$(echo "$fixed" | sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p')
p99=$(echo "$fixed" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')
lag=$(echo "$fixed" | sed -n 's/.*last grade \([0-9.-]*\) s after.*/\1/p')

start_worker 2
sleep 5
echo "== pipeline, two workers: $COUNT submissions (load $(load))"
burst2=$(bench --count "$COUNT" --concurrency "$POSTS" || true); echo "$burst2"
graded2=$(echo "$burst2" | sed -n 's/^graded:.*= \([0-9]*\) submissions.*/\1/p')
load_pipeline=$(load)
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
wait "${pids[@]}" 2>/dev/null || true
pids=()
sleep 2

pgbench_tps() { # script → transactions (script runs) per second, 16 clients, prepared statements
    pgbench -n -M prepared -c 16 -j 2 -T "$RAW_SECONDS" -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" \
        -f "$1" grader_raw 2>/dev/null | sed -n "s/^tps = \([0-9.]*\) .*/\1/p" | cut -d. -f1 || true
}
psql_on grader_raw -f bench/raw/schema.sql
echo "== raw PostgreSQL, two-transaction submission (load $(load))"
raw_two=$(pgbench_tps bench/raw/two_tx.sql); echo "$raw_two submissions/s"
psql_on grader_raw -f bench/raw/schema.sql
echo "== raw PostgreSQL, intake insert"
raw_insert=$(pgbench_tps bench/raw/insert.sql); echo "$raw_insert tx/s"
echo "== raw RabbitMQ"
rabbit=$(bench --rabbit "amqp://guest:guest@127.0.0.1:$GRADER_AMQP_PORT/throughput" --count 20000 --concurrency 16 || true)
echo "$rabbit"
raw_rabbit=$(echo "$rabbit" | sed -n 's/.*= \([0-9]*\) msg\/s$/\1/p')
load_after=$(load)

ratio() { awk -v a="${1:-0}" -v b="${2:-0}" -v k="${3:-1}" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a * k / b; else print "?" }'; }
echo
echo "| measure | Grader | raw limit, same servers, same run | ratio |"
echo "|---|---|---|---|"
echo "| graded/s, one worker ($COUNT, $POSTS posts) | $graded1 | $raw_two submissions/s (pgbench, 16 clients, two transactions) | $(ratio "$graded1" "$raw_two") |"
echo "| graded/s, two workers | $graded2 | | $(ratio "$graded2" "$raw_two") |"
echo "| accepted/s | $accepted | $raw_insert tx/s (pgbench, one insert a transaction) | $(ratio "$accepted" "$raw_insert") |"
echo "| RabbitMQ messages/s (2 per submission) | $((2 * ${graded1:-0})) | $raw_rabbit msg/s (durable, persistent, confirms, manual ack) | $(ratio "$graded1" "$raw_rabbit" 2) |"
echo "| webhook at a fixed $RATE/s | $achieved/s achieved, p50 $p50 ms, p99 $p99 ms, last grade ${lag} s after the last post | | |"
echo
echo "load average (1, 5, 15 min): before the pipeline $load_before; after it $load_pipeline; after the raw runs $load_after"
