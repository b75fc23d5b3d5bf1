#!/usr/bin/env bash
# Pipeline throughput with a variant per submission vs the fixed problem (issue 15), measured side by side: run ./run.sh
# in another terminal first (with Variants__Salt set, as API and worker share it), then `bench/variants.sh [count]
# [concurrency] [rounds] [problem]`. Each round posts `count` submissions of the fixed problem, then as many of its
# randomized version, every submission by another student (so on its own variant: a fresh assignment id per run makes
# every variant a cache miss), interleaved so that load from other processes falls on both alike. Prints each run's
# figures and the load average before it.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}; concurrency=${2:-16}; rounds=${3:-2}; problem=${4:-mit-6036-s17-hw4}
for round in $(seq 1 "$rounds"); do
    for id in "$problem" "$problem-randomized"; do
        echo "== round $round: $id, $count students; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
        bench/load.sh "$count" "$concurrency" --problem "$id" --students "$count" | sed -n '/^run /,$p'
    done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
