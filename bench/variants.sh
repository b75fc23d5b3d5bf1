#!/usr/bin/env bash
# Pipeline throughput with a variant per submission vs the fixed problem (issue 15), measured side by side: run ./run.sh
# in another terminal first (with Variants__Salt set, as API and worker share it, and the rate limits raised as
# bench/throughput.sh does), then `bench/variants.sh [count] [concurrency] [rounds] [problem] [answers]` in a shell with
# the same Variants__Salt. Each round posts `count` submissions of the fixed problem, then as many of its randomized
# version, every submission by another student (so on its own variant: a fresh assignment id per run makes every
# variant a cache miss), interleaved so that load from other processes falls on both alike. `answers` is `right` (the
# default: the fixed runs send examples/P.json, each randomized submission the right answers for its own variant, which
# the load generator computes with the worker's derivation and the salt), `mistakes` (examples/P.mistakes.json, and the
# same mistakes made on each variant's numbers) or `both` (a right pair, then a mistakes pair, every round). Prints each
# run's figures and the load average before it; with WORKER_PID (and API_PID) set to the processes ./run.sh started, also
# their CPU time per submission, which the machine's load disturbs less than the rates.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}; concurrency=${2:-16}; rounds=${3:-2}; problem=${4:-mit-6036-s17-hw4}; answers=${5:-right}
[ -n "${Variants__Salt:-}" ] || echo "warning: Variants__Salt is not set: the randomized answers assume the empty salt" >&2
case $answers in right|mistakes) kinds=$answers ;; both) kinds="right mistakes" ;; *) echo "answers: right, mistakes or both" >&2; exit 2 ;; esac
cpu_ticks() { [ -n "${1:-}" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
for round in $(seq 1 "$rounds"); do
    for kind in $kinds; do
        for id in "$problem" "$problem-randomized"; do
            echo "== round $round: $id, $kind answers, $count students; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
            worker_before=$(cpu_ticks "${WORKER_PID:-}"); api_before=$(cpu_ticks "${API_PID:-}")
            bench/load.sh "$count" "$concurrency" --problem "$id" --students "$count" --answers "$kind" \
                --salt "${Variants__Salt:-}" | sed -n '/^run /,$p'
            if [ -n "${WORKER_PID:-}" ]; then
                tick_ms=$((1000 / $(getconf CLK_TCK)))
                echo "cpu:      worker $(( ($(cpu_ticks "$WORKER_PID") - worker_before) * tick_ms * 1000 / count )) µs/submission," \
                    "api $(( ($(cpu_ticks "${API_PID:-}") - api_before) * tick_ms * 1000 / count )) µs/submission"
            fi
        done
    done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
