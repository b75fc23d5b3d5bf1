# PG_PROFILE=1 in bench/throughput.sh: where PostgreSQL's CPU goes in the one-worker burst (bench/pg-profile.py).
# Sourced after bench/lib.sh. pg_profile_start before the phase, pg_profile_stop N after it: PostgreSQL's CPU by process
# (each backend named by its client), WAL, checkpoints, commits and per-table HOT updates per submission, and per
# statement when the server preloads pg_stat_statements, e.g. (a diagnosis run only: tracking costs CPU of its own)
#   GRADER_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all
#                      -c pg_stat_statements.track_planning=on" infra/postgres.sh start
# PG_PROFILE_CHECKPOINT=1 checkpoints just before the burst. The report goes to stdout and $LOGS/pg-profile.md.
pg_profile_env() { PGHOST=127.0.0.1 PGPORT=$GRADER_PG_PORT PGUSER=$GRADER_PG_USER PGPASSWORD=$GRADER_PG_PASSWORD "$@"; }
pg_profile_start() {
    sleep 11   # idle backends flush their statistics within 10 s (PGSTAT_IDLE_INTERVAL): the warm-up's are all in
    # PG_PROFILE_CHECKPOINT=1: a checkpoint just before the burst, so its first change of every page writes a full-page
    # image - the burst as it runs right after a checkpoint.
    [ -z "${PG_PROFILE_CHECKPOINT:-}" ] || psql_on "$DB" -c checkpoint >/dev/null
    if psql_on "$DB" -tAc "show shared_preload_libraries" | grep -q pg_stat_statements; then
        psql_on "$DB" -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
    fi
    pg_profile_env python3 bench/pg-profile.py stats "$DB" > "$LOGS/pg-profile.before.json"
    python3 bench/pg-profile.py watch "$GRADER_LOCAL/postgres/data" "$LOGS/pg-profile.procs.json" &
    pg_profile_watcher=$!
    sleep 0.5
}
pg_profile_stop() { # submissions
    kill -TERM "$pg_profile_watcher"; wait "$pg_profile_watcher" || true
    sleep 11    # as in pg_profile_start: the burst's statistics all in
    pg_profile_env python3 bench/pg-profile.py stats "$DB" > "$LOGS/pg-profile.after.json"
    python3 bench/pg-profile.py report "$LOGS/pg-profile.before.json" "$LOGS/pg-profile.after.json" \
        "$LOGS/pg-profile.procs.json" "$1" | tee "$LOGS/pg-profile.md"
}
