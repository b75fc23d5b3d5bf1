# PG_PROFILE=1 for bench/throughput.sh (sourced by it, after bench/lib.sh): what PostgreSQL did in each timed phase, per
# submission, into $LOGS/pg-profile.md (one section a phase; a line on stdout after each phase's ledger line):
# - CPU by PostgreSQL process (/proc ticks at the phase's start and end, and every 0.2 s between for the children that
#   end in it): client backends by the process that holds the client's socket (ss -tnp: API, worker-1, worker-2,
#   generator, psql; an ended generator backend by its application name), autovacuum workers, walwriter, checkpointer,
#   bgwriter; "ended, not sampled" is what exited children used after their last sample (short connections such as this
#   profiler's own queries), "postmaster" its own CPU;
# - WAL (records, full-page images, bytes, writes, syncs), commits, checkpoints and buffers written by the checkpointer,
#   the background writer and backends; per table inserts, updates, HOT share, deletes, dead rows, autovacuum/autoanalyze;
# - per statement when the server preloads pg_stat_statements (calls, exec + plan ms, rows, blocks, WAL records, FPI);
#   a diagnosis run only, tracking costs CPU of its own:
#     GRADER_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all
#                        -c pg_stat_statements.track_planning=on" (infra/postgres.sh starts the server with it)
# - the active client backends' wait events, sampled every 0.1 s.
# The counters are read 11 s after each phase (an idle backend flushes its statistics within 10 s, PGSTAT_IDLE_INTERVAL)
# and 11 s before the first; so with PG_PROFILE the phases start later than without. PG_PROFILE_CHECKPOINT=1 checkpoints
# just before every timed phase: each phase as it runs right after a checkpoint (its first change of a page writes a
# full-page image).
PROFILE_DIR=$LOGS/pg-profile
REPORT=$LOGS/pg-profile.md
rm -rf "$PROFILE_DIR"; mkdir -p "$PROFILE_DIR"; : > "$REPORT"
profile_phase=0
profile_master=$(head -1 "$GRADER_LOCAL/postgres/data/postmaster.pid")
profile_sql() { psql_on "$DB" -t -A -F' ' -c "$1"; }
profile_statements_on=0
if profile_sql "show shared_preload_libraries" | grep -q pg_stat_statements; then
    profile_sql "create extension if not exists pg_stat_statements" >/dev/null
    profile_statements_on=1
fi

# client port → name of the process holding that socket: API, worker-n (this script's pids), generator, or its program.
profile_clients() {
    local port pid name i
    ss -Htnp state established "( dport = :$GRADER_PG_PORT )" | awk '{ n = split($3, a, ":"); if (match($0, /pid=[0-9]+/))
        print a[n], substr($0, RSTART + 4, RLENGTH - 4) }' | while read -r port pid; do
        name=$(cat "/proc/$pid/comm" 2>/dev/null || echo gone)
        [ "$pid" != "${api:-}" ] || name=API
        for i in "${!workers[@]}"; do [ "$pid" != "${workers[$i]}" ] || name=worker-$((i + 1)); done
        ! grep -qa Grader.Bench.dll "/proc/$pid/cmdline" 2>/dev/null || name=generator
        echo "$port $name"
    done
}
# pid name ticks, one line a live PostgreSQL process, after a first "pid postmaster own-ticks exited-children's-ticks".
profile_processes() {
    profile_clients > "$PROFILE_DIR/clients"
    profile_sql "select pid, coalesce(client_port, 0), replace(backend_type, ' ', '-') from pg_stat_activity" > "$PROFILE_DIR/activity"
    awk '{ print $1, "postmaster", $14 + $15, $16 + $17 }' "/proc/$profile_master/stat"
    profile_ticks | awk 'FILENAME ~ /clients$/ { client[$1] = $2; next }
        FILENAME ~ /activity$/ { name[$1] = $3 == "client-backend" ? ($2 in client ? client[$2] : "other-client") : $3; next }
        { print $1, ($1 in name ? name[$1] : "unnamed"), $2 }' "$PROFILE_DIR/clients" "$PROFILE_DIR/activity" -
}
profile_ticks() { # pid ticks of the postmaster's live children
    sed 's|[0-9][0-9]*|/proc/&/stat|g' "/proc/$profile_master/task/$profile_master/children" | { xargs cat 2>/dev/null || true; } |
        awk '{ print $1, $14 + $15 }'
}
profile_counters() { # name value lines
    profile_sql "select k, v from pg_stat_wal, lateral (values ('wal_records', wal_records), ('wal_fpi', wal_fpi),
        ('wal_bytes', wal_bytes), ('wal_buffers_full', wal_buffers_full), ('wal_write', wal_write), ('wal_sync', wal_sync)) c (k, v)"
    profile_sql "select k, v from pg_stat_database, lateral (values ('commits', xact_commit), ('rollbacks', xact_rollback),
        ('blks_hit', blks_hit), ('blks_read', blks_read)) c (k, v) where datname = current_database()"
    profile_sql "select k, v from pg_stat_bgwriter, lateral (values ('checkpoints_timed', checkpoints_timed),
        ('checkpoints_req', checkpoints_req), ('buffers_checkpoint', buffers_checkpoint), ('buffers_bgwriter', buffers_clean),
        ('buffers_backend', buffers_backend)) c (k, v)"
}
profile_tables() { # relname ins upd hot del dead autovacuum autoanalyze
    profile_sql "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, n_dead_tup, autovacuum_count,
        autoanalyze_count from pg_stat_user_tables"
}
profile_statements() { # queryid toplevel calls exec_ms plan_ms rows hit dirtied wal_records wal_fpi query…
    [ "$profile_statements_on" = 1 ] || return 0
    profile_sql "select queryid, toplevel, calls, total_exec_time, total_plan_time, rows, shared_blks_hit, shared_blks_dirtied,
        wal_records, wal_fpi, left(regexp_replace(query, '\s+', ' ', 'g'), 100) from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())"
}
profile_read() { # suffix: the counters, tables and statements (the processes apart: read at the phase's very edges)
    profile_counters > "$PROFILE_DIR/$profile_phase.count$1"
    profile_tables > "$PROFILE_DIR/$profile_phase.tables$1"
    profile_statements > "$PROFILE_DIR/$profile_phase.stmt$1"
}

pg_profile_begin() {
    [ "$profile_phase" -gt 0 ] || sleep 11   # the start-up's statistics all in; later phases follow a report's wait
    profile_phase=$((profile_phase + 1))
    [ -z "${PG_PROFILE_CHECKPOINT:-}" ] || profile_sql checkpoint >/dev/null
    profile_read 0
    profile_processes > "$PROFILE_DIR/$profile_phase.proc0"
    (exec psql -q -X -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d "$DB" -t -A -F' ') > "$PROFILE_DIR/$profile_phase.waits" 2>/dev/null <<SQL &
select pid, coalesce(nullif(application_name, ''), '-'), replace(backend_type, ' ', '-'),
    case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU') else '-' end
    from pg_stat_activity where pid <> pg_backend_pid()
\\watch 0.1
SQL
    profile_sampler=$!
    # every child's ticks every 0.2 s: what a backend that ends in the phase (the generator's, autovacuum workers) used
    (while :; do profile_ticks; sleep 0.2; done) > "$PROFILE_DIR/$profile_phase.ticks" 2>/dev/null &
    profile_ticker=$!
    pids+=($profile_sampler $profile_ticker)
}

pg_profile_end() { # phase name, submissions
    local s=$PROFILE_DIR/$profile_phase n=$2
    profile_processes > "$s.proc1"
    kill -TERM "$profile_sampler" "$profile_ticker" 2>/dev/null || true; wait "$profile_sampler" "$profile_ticker" 2>/dev/null || true
    sleep 11
    profile_read 1
    {
        echo "## $profile_phase. $1: $n submissions"
        echo
        echo "| PostgreSQL process | CPU ms per submission |"
        echo "|---|---|"
        # A child that ended in the phase is named by the sampler (the generator's backends by their application name) and
        # counted to its last sample; its whole life is in the postmaster's children's ticks, the rest of which ("ended,
        # not sampled") are children that ended since their last sample or lived less than 0.2 s.
        awk -v n="$n" -v hz="$HZ" 'FILENAME ~ /proc0$/ { if ($2 == "postmaster") { own = -$3; kids = -$4 } else { b[$1] = $3; last[$1] = $3; nm[$1] = $2 }; next }
            FILENAME ~ /ticks$/ { last[$1] = $2; next }
            FILENAME ~ /waits$/ { if (NF == 4 && !($1 in nm)) nm[$1] = $3 == "client-backend" ? ($2 == "-" ? "other-client" : $2) : $3; next }
            $2 == "postmaster" { own += $3; kids += $4; next }
            { alive[$1] = 1; last[$1] = $3; nm[$1] = $2 }
            END { for (p in last) { g[p in nm ? nm[p] : "unnamed"] += last[p] - b[p]; if (!(p in alive)) kids -= last[p] }
                  g["ended, not sampled"] += kids > 0 ? kids : 0; g["postmaster"] += own
                  for (k in g) { total += g[k]; if (g[k]) printf "| %s | %.3f |\n", k, 1000 * g[k] / hz / n | "sort -t\"|\" -k3 -rn" }
                  close("sort -t\"|\" -k3 -rn"); printf "| **all** | **%.3f** |\n", 1000 * total / hz / n }' \
            "$s.proc0" "$s.ticks" "$s.waits" "$s.proc1"
        echo
        echo "| counter | in the phase | per submission |"
        echo "|---|---|---|"
        awk -v n="$n" 'FNR == NR { before[$1] = $2; next } { d = $2 - before[$1]; printf "| %s | %d | %.3f |\n", $1, d, d / n }' \
            "$s.count0" "$s.count1"
        echo
        echo "| table | inserts per submission | updates | HOT | deletes | dead rows after | autovacuums | autoanalyzes |"
        echo "|---|---|---|---|---|---|---|---|"
        awk -v n="$n" 'FNR == NR { for (i = 2; i <= 8; i++) b[$1, i] = $i; next }
            { for (i = 2; i <= 8; i++) d[i] = $i - b[$1, i]; if (d[2] + d[3] + d[5] + d[7] + d[8] == 0) next
              printf "| %s | %.3f | %.3f | %s | %.3f | %d | %d | %d |\n", $1, d[2] / n, d[3] / n,
                  d[3] ? sprintf("%.0f %%", 100 * d[4] / d[3]) : "—", d[5] / n, $6, d[7], d[8] }' "$s.tables0" "$s.tables1"
        echo
        echo "| wait event of active client backends (samples every 0.1 s) | backend | samples |"
        echo "|---|---|---|"
        awk 'FNR == NR { name[$1] = $2; next } NF == 4 && $4 != "-" && $3 == "client-backend" {
                k = $4 " | " ($1 in name ? name[$1] : $2 == "-" ? "ended client" : $2); c[k]++ }
            END { for (k in c) printf "| %s | %d |\n", k, c[k] }' "$s.proc1" "$s.waits" | sort -t'|' -k4 -rn | awk 'NR <= 20'
        if [ "$profile_statements_on" = 1 ]; then
            echo
            echo "Statements (pg_stat_statements; with track = all a trigger's nested statements are listed beside the top-level"
            echo "statement that ran them, and counted in it too), per submission:"
            echo
            echo "| statement | level | calls | exec + plan ms | plan ms | rows | blocks hit | dirtied | WAL records | FPI |"
            echo "|---|---|---|---|---|---|---|---|---|---|"
            awk -v n="$n" 'FNR == NR { for (i = 3; i <= 10; i++) b[$1, $2, i] = $i; next }
                { dc = $3 - b[$1, $2, 3]; if (dc <= 0) next
                  q = ""; for (i = 11; i <= NF; i++) q = q " " $i; gsub(/\|/, "/", q)
                  e = $4 - b[$1, $2, 4]; p = $5 - b[$1, $2, 5]
                  printf "| `%s` | %s | %.3f | %.4f | %.4f | %.2f | %.1f | %.3f | %.2f | %.3f |\n", substr(q, 2), $2 == "t" ? "top" : "nested",
                      dc / n, (e + p) / n, p / n, ($6 - b[$1, $2, 6]) / n, ($7 - b[$1, $2, 7]) / n, ($8 - b[$1, $2, 8]) / n,
                      ($9 - b[$1, $2, 9]) / n, ($10 - b[$1, $2, 10]) / n }' "$s.stmt0" "$s.stmt1" | sort -t'|' -k5 -rn | awk 'NR <= 30'
        fi
        echo
    } >> "$REPORT"
    echo "pg profile of phase $profile_phase: $REPORT"
}
