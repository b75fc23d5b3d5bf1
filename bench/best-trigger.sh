#!/usr/bin/env bash
# summary_best's update trigger before and after migration 0023 (its upsert factored into summary_best_offer), back to
# back on one scratch database: `bench/best-trigger.sh [rounds]` (default 10). Seeds grader_best_trigger with the
# migrations up to 0022 and bench/best-trigger-seed.sql, keeps 0016's trigger functions (pg_get_functiondef), applies
# 0023, then alternates the two versions round by round (bench/best-trigger-round.sql, each rolled back) and prints each
# round's trigger milliseconds and the medians. Needs infra/postgres.sh running (GRADER_PG_PORT etc.).
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
rounds=${1:-10}
db=grader_best_trigger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
psql_db() { PGPASSWORD=$GRADER_PG_PASSWORD psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" "$@"; }

psql_db -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
for migration in src/Grader.Data/Migrations/*.sql; do
    case $(basename "$migration") in 0023_*) continue ;; esac
    psql_db -d "$db" -1 -f "$migration" > /dev/null
done
psql_db -d "$db" -f bench/best-trigger-seed.sql > /dev/null

definitions() {
    psql_db -d "$db" -At -c "select pg_get_functiondef(p.oid) || ';' from pg_proc p
                             where p.proname in ('summary_best_after_update', 'summary_best_after_insert')" > "$1"
}
definitions "$work/0016.sql"
psql_db -d "$db" -1 -f src/Grader.Data/Migrations/0023_summary_best_offer.sql > /dev/null
definitions "$work/0023.sql"

for round in $(seq 1 "$rounds"); do
    for version in 0016 0023; do
        psql_db -d "$db" -f "$work/$version.sql" > /dev/null
        # Fresh connection per round (plans cached from the other version's functions are not reused).
        psql_db -d "$db" -At -F ' ' -v offset=$(( (round % 4) * 500 )) -f bench/best-trigger-round.sql \
            | awk -v v="$version" -v r="$round" '{ printf "%s round %s %s %s\n", v, r, $1, $2 }'
    done
done | tee "$work/rounds.txt"

echo "medians (ms, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
for version in 0016 0023; do
    for measure in regrade_batch_ms first_grades_ms; do
        grep "^$version .* $measure " "$work/rounds.txt" | awk '{ print $5 }' | sort -n \
            | awk -v v="$version" -v m="$measure" '{ a[NR] = $1 } END { printf "%s %s %.2f\n", v, m, (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
    done
done
