#!/usr/bin/env bash
# What one worker batch's statements and triggers cost PostgreSQL, statement by statement, at a given batch size (issue
# 14: the per-batch part dominates at a batch of 1). Runs bench/best-trigger-write-path.sql (generic plans, no empty
# failure update: the worker's statements since twowork18) on the grader_write_path database that
# bench/best-trigger-write-path.sh leaves, once with the claim marker off (main's claim: every update trigger fires) and
# once on (migration 0029: the claim skips the three that look only at graded rows), and prints for each
# pg_stat_statements' calls and execution ms per batch of every statement (track = all, so the triggers' statements too)
# and pg_stat_user_functions' total and self ms per batch of each function. Needs the server started with
# shared_preload_libraries = pg_stat_statements, pg_stat_statements.track = all and track_functions = pl
# (docs/benchmarks.md, "The worker batch's fixed cost"), and the database's triggers as migration 0029 leaves them.
# MANUAL_PARTS=N gives each result N manual parts of 13 (as bench/best-trigger-write-path.sh).
# `bench/batch-fixed-cost.sh [batches] [batch]` (defaults 1000, 1). Times are wall time inside the backend (load inflates
# them); compare the two markers' columns, run back to back.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
batches=${1:-1000}
batch=${2:-1}
db=grader_write_path
psql_db() { PGPASSWORD=$GRADER_PG_PASSWORD psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d "$db" "$@"; }
psql_db -c "create extension if not exists pg_stat_statements" > /dev/null
for marker in off on; do
    psql_db -c "select pg_stat_statements_reset()" -c "select pg_stat_reset()" > /dev/null
    psql_db -At -F ' ' -v batches="$batches" -v batch="$batch" -v hz="$(getconf CLK_TCK)" -v worker_plans=generic \
        -v claim_marker="$marker" -v failure_update=off -v manual_parts="${MANUAL_PARTS:-0}" -f bench/best-trigger-write-path.sql \
        | awk -v m="$marker" '{ printf "claim marker %s: backend cpu_ms %s wall_ms %s a submission\n", m, $1, $2 }'
    sleep 1 # function statistics reach the shared view once the backend has flushed them
    echo "statements (calls and ms a batch; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
    psql_db -At -F ' | ' -c "
        select round(calls::numeric / $batches, 2), round((total_exec_time / $batches)::numeric, 4),
               round((total_plan_time / $batches)::numeric, 4), left(regexp_replace(query, '\s+', ' ', 'g'), 110)
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
              and calls >= $batches and query not like 'call pg_temp.write_path%'
        order by total_exec_time desc limit 25"
    echo "functions (calls, total ms and self ms a batch):"
    psql_db -At -F ' | ' -c "
        select round(calls::numeric / $batches, 2), round((total_time / $batches)::numeric, 4), round((self_time / $batches)::numeric, 4), funcname
        from pg_stat_user_functions where calls >= $batches order by total_time desc"
done
