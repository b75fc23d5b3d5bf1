# PHASE_STATS=1 for bench/throughput.sh (sourced by it, after bench/lib.sh): what PostgreSQL did in each timed phase,
# per submission, to tell why its CPU a submission differs between phases (issue 14 goal 4: one worker against two).
# For each phase, into $LOGS/stats-<n>.txt and a summary line on stdout:
# - CPU by PostgreSQL process (/proc ticks by pid, grouped by pg_stat_activity: the client backends by application
#   name, worker-1 / worker-2 / api / other clients, and autovacuum, walwriter, checkpointer, bgwriter; "ended" is the
#   postmaster's own and its exited children's);
# - pg_stat_wal (records, full-page images, bytes, writes, syncs), commits and rollbacks, checkpoints (pg_stat_bgwriter),
#   the tables' inserts, updates, HOT updates, dead tuples and autovacuum/autoanalyze runs;
# - pg_stat_statements per statement (calls, exec + plan ms, rows, shared blocks hit / dirtied), when the server
#   preloads it (load it for a diagnosis only: bench/phase-stats.sh's note at the end);
# - the active backends' wait events, sampled every 0.1 s, by application name.
# Needs the workers' and the API's connections named (throughput.sh does that under PHASE_STATS: Application Name).
STATS_DIR=$LOGS/phase-stats
mkdir -p "$STATS_DIR"
stats_phase=0
stats_sql() { psql_on "$DB" -t -A -F' ' -c "$1"; }
stats_sql "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true
stats_statements_on=$(stats_sql "select count(*) from pg_extension e, pg_settings s where e.extname = 'pg_stat_statements'
    and s.name = 'shared_preload_libraries' and s.setting like '%pg_stat_statements%'" 2>/dev/null || echo 0)

# pid group ticks, one line a PostgreSQL process (the postmaster's line carries its exited children's CPU too).
stats_processes() {
    local master; master=$(head -1 "$GRADER_LOCAL/postgres/data/postmaster.pid")
    stats_sql "select pid, case when backend_type = 'client backend' then coalesce(nullif(application_name, ''), 'other')
                                else replace(backend_type, ' ', '-') end from pg_stat_activity" > "$STATS_DIR/names" 2>/dev/null || true
    awk '{ print "ended", $14 + $15 + $16 + $17 }' "/proc/$master/stat" | sed "s/^/$master /"
    local pid
    for pid in $(pgrep -P "$master"); do
        [ -r "/proc/$pid/stat" ] || continue
        echo "$pid $(awk -v p="$pid" '$1 == p { print $2 }' "$STATS_DIR/names" | grep . || echo unnamed) $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    done
}
stats_counters() { # name value lines: WAL, commits, checkpoints, tables
    stats_sql "select pg_stat_force_next_flush()" >/dev/null
    stats_sql "select k, v from pg_stat_wal, lateral (values ('wal_records', wal_records), ('wal_fpi', wal_fpi),
        ('wal_bytes', wal_bytes), ('wal_write', wal_write), ('wal_sync', wal_sync)) c (k, v)"
    stats_sql "select k, v from pg_stat_database, lateral (values ('commits', xact_commit), ('rollbacks', xact_rollback),
        ('blks_hit', blks_hit), ('blks_read', blks_read)) c (k, v) where datname = current_database()"
    stats_sql "select k, v from pg_stat_bgwriter, lateral (values ('checkpoints', checkpoints_timed + checkpoints_req),
        ('buffers_checkpoint', buffers_checkpoint), ('buffers_backend', buffers_backend)) c (k, v)"
    stats_sql "select relname || '.' || k, v from pg_stat_user_tables,
        lateral (values ('ins', n_tup_ins), ('upd', n_tup_upd), ('hot', n_tup_hot_upd), ('dead', n_dead_tup),
                        ('autovacuum', autovacuum_count), ('autoanalyze', autoanalyze_count)) c (k, v)
        where n_tup_ins + n_tup_upd + n_tup_del > 0"
}
stats_statements() { # queryid calls exec_ms plan_ms rows hit dirtied | query
    [ "$stats_statements_on" = 1 ] || return 0
    stats_sql "select queryid, calls, total_exec_time, total_plan_time, rows, shared_blks_hit, shared_blks_dirtied,
        left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
}

phase_stats_begin() {
    stats_phase=$((stats_phase + 1))
    stats_processes > "$STATS_DIR/$stats_phase.proc0"
    stats_counters > "$STATS_DIR/$stats_phase.count0"
    stats_statements > "$STATS_DIR/$stats_phase.stmt0"
    (exec psql -q -X -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d "$DB" -t -A -F' ') > "$STATS_DIR/$stats_phase.waits" 2>/dev/null <<SQL &
select coalesce(nullif(application_name, ''), backend_type), coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
    where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'
\\watch 0.1
SQL
    stats_sampler=$!
    pids+=($stats_sampler)
}

phase_stats_end() { # phase name, submissions
    kill -TERM "$stats_sampler" 2>/dev/null || true; wait "$stats_sampler" 2>/dev/null || true
    local s=$STATS_DIR/$stats_phase n=$2 out=$LOGS/stats-$stats_phase.txt
    stats_processes > "$s.proc1"
    stats_counters > "$s.count1"
    stats_statements > "$s.stmt1"
    {
        echo "== $1: $n submissions"
        echo "-- PostgreSQL CPU ms a submission by process group:"
        awk -v n="$n" -v hz="$HZ" 'FNR == NR { before[$1] = $3; next }
            { d = $3 - before[$1]; if (d < 0) d = 0; g[$2] += d; total += d }
            END { for (k in g) printf "  %-22s %.3f\n", k, 1000 * g[k] / hz / n; printf "  %-22s %.3f\n", "all", 1000 * total / hz / n }' \
            "$s.proc0" "$s.proc1" | sort
        echo "-- per submission (WAL, commits, checkpoints, tables):"
        awk -v n="$n" 'FNR == NR { before[$1] = $2; next } { d = $2 - before[$1]; if (d != 0) printf "  %-32s %.3f\n", $1, d / n }' \
            "$s.count0" "$s.count1"
        echo "-- wait events of active client backends (samples every 0.1 s):"
        grep -a -v '^$' "$s.waits" | sort | uniq -c | sort -rn | head -25 | sed 's/^/  /'
        if [ "$stats_statements_on" = 1 ]; then
            echo "-- statements per submission: calls, exec ms, plan ms, rows, shared blocks hit, dirtied (exec ms × 1000 order):"
            awk -v n="$n" 'FNR == NR { c[$1] = $2; e[$1] = $3; p[$1] = $4; r[$1] = $5; h[$1] = $6; d[$1] = $7; next }
                { dc = $2 - c[$1]; if (dc <= 0) next
                  q = ""; for (i = 8; i <= NF; i++) q = q " " $i
                  printf "  %8.3f %8.4f %8.4f %8.2f %8.2f %7.3f %s\n", dc / n, ($3 - e[$1]) / n, ($4 - p[$1]) / n, ($5 - r[$1]) / n,
                      ($6 - h[$1]) / n, ($7 - d[$1]) / n, q }' "$s.stmt0" "$s.stmt1" | sort -k2 -rn | head -40
        fi
    } > "$out"
    echo "phase stats: $out"
}
# Loading pg_stat_statements on this checkout's server for a diagnosis (restart; undo with `reset` and a restart):
#   infra/postgres.sh psql -c "alter system set shared_preload_libraries = 'pg_stat_statements'" \
#       -c "alter system set pg_stat_statements.track = 'all'"; infra/postgres.sh stop; infra/postgres.sh start
