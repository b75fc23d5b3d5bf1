#!/usr/bin/env bash
# Local PostgreSQL for Grader: install-if-missing | start | stop | status | psql [args].
# Data lives in $GRADER_LOCAL/postgres, the server listens on 127.0.0.1:$GRADER_PG_PORT only.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PG_DIR=$GRADER_LOCAL/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/server.log

pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
    return 1
}

run_user() { if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi; }

install_if_missing() {
    pg_bin >/dev/null && return 0
    echo "PostgreSQL not found: installing it with apt-get"
    apt_install postgresql
    pg_bin >/dev/null || die "PostgreSQL still not found after apt-get install"
}

is_running() { local bin; bin=$(pg_bin) && as_user "$(run_user)" "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

start() {
    install_if_missing
    local bin user; bin=$(pg_bin); user=$(run_user)
    if is_running; then echo "PostgreSQL already running on 127.0.0.1:$GRADER_PG_PORT"; return 0; fi
    require_free_ports "$GRADER_PG_PORT"
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown "$user" "$PG_DIR"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        local pwfile=$PG_DIR/.pw
        echo "$GRADER_PG_PASSWORD" > "$pwfile"; [ "$(id -u)" = 0 ] && chown "$user" "$pwfile"
        as_user "$user" "$bin/initdb" -D "$PG_DATA" -U "$GRADER_PG_USER" --pwfile="$pwfile" \
            --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || { rm -f "$pwfile"; die "initdb failed, see $PG_DIR/initdb.log"; }
        rm -f "$pwfile"
    fi
    # Socket in the project folder: no dependency on /var/run/postgresql existing or being writable.
    # shared_buffers: PostgreSQL's default 128 MB made the write path evict pages all through a burst (one to two buffers
    # written back per graded submission, docs/benchmarks.md "PostgreSQL's CPU by process and statement").
    # GRADER_PG_OPTIONS: more -c settings, appended (a later one wins), e.g. to compare with the defaults.
    local settings="-c shared_buffers=1GB"
    as_user "$user" "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-p $GRADER_PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=300 -c fsync=${GRADER_PG_FSYNC:-on} $settings ${GRADER_PG_OPTIONS:-}" start >/dev/null \
        || die "PostgreSQL did not start; last lines of $PG_LOG:$(echo; tail -20 "$PG_LOG")"
    if ! PGPASSWORD=$GRADER_PG_PASSWORD psql_cmd -tAc "select 1 from pg_database where datname='$GRADER_PG_DATABASE'" | grep -q 1; then
        PGPASSWORD=$GRADER_PG_PASSWORD psql_cmd -qc "create database \"$GRADER_PG_DATABASE\"" || die "could not create database"
    fi
    echo "PostgreSQL running on 127.0.0.1:$GRADER_PG_PORT (data in $PG_DATA)"
}

stop() {
    if ! is_running; then echo "PostgreSQL not running"; return 0; fi
    as_user "$(run_user)" "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || die "PostgreSQL did not stop"
    echo "PostgreSQL stopped"
}

status() {
    if is_running; then echo "PostgreSQL running on 127.0.0.1:$GRADER_PG_PORT"; else echo "PostgreSQL not running"; return 3; fi
}

psql_cmd() { PGPASSWORD=${PGPASSWORD:-$GRADER_PG_PASSWORD} psql -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d postgres "$@"; }

case "${1:-}" in
    install-if-missing) install_if_missing ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    psql) shift; psql_cmd "$@" ;;
    *) echo "usage: $0 install-if-missing|start|stop|status|psql [args]" >&2; exit 2 ;;
esac
