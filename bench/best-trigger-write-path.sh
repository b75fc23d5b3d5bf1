#!/usr/bin/env bash
# PostgreSQL's CPU per graded submission on the worker's write path (intake insert, claim, result insert, mark graded),
# before and after some migrations, back to back on one scratch database: `bench/best-trigger-write-path.sh [rounds]
# [batches] [batch]` (defaults 10, 100, 16); NEW_MIGRATIONS (default "0028", e.g. "0026 0027") names the migrations
# compared. Seeds grader_write_path with every other migration before them and bench/best-trigger-seed.sql (2,000
# students × 4 problems with graded submissions), keeps the functions those migrations create or alter and the triggers
# of submissions, results and manual_parts (pg_get_functiondef, pg_get_triggerdef), applies them, then alternates the two
# versions round by round, each round a fresh connection running bench/best-trigger-write-path.sql (batches × batch new
# submissions through the four statements, committed), and prints each round's backend CPU ms and wall ms per submission
# and the medians. CPU comes from the backend's own /proc/self/stat, so other load on the machine disturbs it little.
# NEW_MIGRATIONS=none instead compares the worker's plan cache mode on the full schema: "before" leaves the plan cache to
# choose custom or generic plans for the claim's and grade's statements, "after" sets plan_cache_mode =
# force_generic_plan in those two transactions, as SubmissionBatchGrades does.
# CLAIM_MARKER=1: "after" runs the claim between grader.claim set and cleared, as SubmissionBatchGrades since migration
# 0029 (with NEW_MIGRATIONS=0029: "before" is main's triggers, "after" 0029's with the marker); CLAIM_MARKER=both: both
# versions do, as the worker since 0029 (for migrations after it). NO_FAILURE_UPDATE=1: both
# versions leave out the empty failure update, as the worker since twowork18. WORKER_PLANS=generic: both versions on
# generic plans (NEW_MIGRATIONS other than none compares custom with custom otherwise).
# MANUAL_PARTS=N: each result has N manual parts of its 13 (bench/best-trigger-write-path.sql; throughput.sh's problems
# average 5.5), so each grade writes manual_parts rows as in the pipeline. The foreign keys of those tables are kept and
# restored with the triggers (re-added NOT VALID: the same checks on new rows, no scan of the old), so a migration that
# drops one (0031) is compared too.
# Needs infra/postgres.sh running (GRADER_PG_PORT etc.); the database grows by rounds × batches × batch submissions.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
rounds=${1:-10}
batches=${2:-100}
batch=${3:-16}
db=grader_write_path
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
psql_db() { PGPASSWORD=$GRADER_PG_PASSWORD psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" "$@"; }
new_numbers=(${NEW_MIGRATIONS:-0028})
shopt -s nullglob
new_migrations=()
if [ "${new_numbers[*]}" = none ]; then
    new_numbers=()
    last=9999
else
    for number in "${new_numbers[@]}"; do new_migrations+=(src/Grader.Data/Migrations/${number}_*.sql); done
    [ ${#new_migrations[@]} -eq ${#new_numbers[@]} ] || { echo "error: no migration file for one of ${new_numbers[*]}" >&2; exit 1; }
    last=$(basename "${new_migrations[-1]}" | cut -c1-4)
fi
shopt -u nullglob

psql_db -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
for migration in src/Grader.Data/Migrations/*.sql; do
    number=$(basename "$migration" | cut -c1-4)
    [[ $number > $last || " ${new_numbers[*]} " == *" $number "* ]] && continue
    psql_db -d "$db" -1 -f "$migration" > /dev/null
done
psql_db -d "$db" -f bench/best-trigger-seed.sql > /dev/null
psql_db -d "$db" -c "select window_chain_rebuild()" -c "vacuum analyze" > /dev/null

# Every function the new migrations define, and every user trigger on the tables whose triggers they touch, as one script
# that drops the triggers there are and restores these (functions the old version lacks are left: nothing calls them).
tables="'submissions'::regclass, 'results'::regclass, 'manual_parts'::regclass"
definitions() {
    local functions
    functions=$(cat "${new_migrations[@]}" | { grep -oiE '^(create (or replace )?|alter )function [a-z_]+' || true; } \
        | awk '{ print $NF }' | sort -u | sed "s/.*/'&'/" | paste -sd, -)
    functions=${functions:-"''"} # a migration that only redefines triggers (0029)
    psql_db -d "$db" -At -c "
        select line from (
        select 1 as k, \$do\$ do \$\$ declare t record; begin
            for t in select tgname, tgrelid::regclass as rel from pg_trigger where tgrelid in ($tables) and not tgisinternal loop
                execute format('drop trigger %I on %s', t.tgname, t.rel);
            end loop;
            for t in select conname, conrelid::regclass as rel from pg_constraint where conrelid in ($tables) and contype = 'f' loop
                execute format('alter table %s drop constraint %I', t.rel, t.conname);
            end loop; end \$\$; \$do\$ as line
        union all
        select 2, pg_get_functiondef(p.oid) || ';' from pg_proc p
        where p.proname in ($functions) and p.pronamespace = 'public'::regnamespace
        union all
        select 3, pg_get_triggerdef(t.oid) || ';' from pg_trigger t where t.tgrelid in ($tables) and not t.tgisinternal
        union all
        select 4, format('alter table %s add constraint %I %s not valid;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
        from pg_constraint c where c.conrelid in ($tables) and c.contype = 'f') x
        order by k" > "$1"
}
if [ ${#new_migrations[@]} -gt 0 ]; then
    definitions "$work/before.sql"
    for migration in "${new_migrations[@]}"; do
        psql_db -d "$db" -1 -f "$migration" > /dev/null
    done
    definitions "$work/after.sql"
    plans=(custom custom)
else
    echo "select 1;" > "$work/before.sql"
    cp "$work/before.sql" "$work/after.sql"
    plans=(custom generic)
fi

for round in $(seq 1 "$rounds"); do
    for version in before after; do
        psql_db -d "$db" -1 -f "$work/$version.sql" > /dev/null
        [ $version = before ] && worker_plans=${plans[0]} || worker_plans=${plans[1]}
        worker_plans=${WORKER_PLANS:-$worker_plans}
        claim_marker=off
        [ $version = after ] && [ -n "${CLAIM_MARKER:-}" ] && claim_marker=on
        [ "${CLAIM_MARKER:-}" = both ] && claim_marker=on
        failure_update=on
        [ -n "${NO_FAILURE_UPDATE:-}" ] && failure_update=off
        psql_db -d "$db" -At -F ' ' -v batches="$batches" -v batch="$batch" -v hz="$(getconf CLK_TCK)" -v worker_plans="$worker_plans" \
            -v claim_marker="$claim_marker" -v failure_update="$failure_update" -v manual_parts="${MANUAL_PARTS:-0}" \
            -f bench/best-trigger-write-path.sql | awk -v v="$version" -v r="$round" '{ printf "%s round %s cpu_ms %s wall_ms %s\n", v, r, $1, $2 }'
    done
done | tee "$work/rounds.txt"

echo "medians per submission (ms, batches of $batch, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
for version in before after; do
    for measure in cpu_ms wall_ms; do
        awk -v v="$version" -v m="$measure" '$1 == v { for (i = 4; i < NF; i += 2) if ($i == m) print $(i + 1) }' "$work/rounds.txt" \
            | sort -n | awk -v v="$version" -v m="$measure" \
                '{ a[NR] = $1 } END { printf "%s %s %.3f\n", v, m, (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
    done
done
