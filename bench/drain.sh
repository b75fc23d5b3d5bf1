#!/usr/bin/env bash
# Issue 14, the worker alone: how fast one worker drains a queue that is already full, and the CPU it and PostgreSQL
# spend per submission (load-independent enough to compare settings on a busy machine).
#   bench/drain.sh [count] [worker settings as NAME=VALUE …]     e.g. bench/drain.sh 3000 Worker__BatchMessageLimit=1
# Starts PostgreSQL and RabbitMQ (infra scripts, GRADER_* ports and folder as for run.sh) unless they run, the API, then
# posts [count] submissions with no worker consuming; once all are queued it starts one worker and times the drain
# ("with start-up" and "steady" lines). Then, unless WARM_ROUNDS=0, it freezes that worker (SIGSTOP), queues [count]
# more, lets it go (SIGCONT) and times that drain too, WARM_ROUNDS times: the "warmed" lines are a full-queue drain by
# a worker whose code is compiled already, the figure to compare settings and builds by.
# Each line also gives the mean batch (deliveries a batch, from the worker's log), the share of all cores left idle
# (/proc/stat) and a drain's CPU a submission by tenths (where start-up ends). With RATE (and SECONDS_AT_RATE, default 10) it ends with a fixed rate (see there).
# WORKERS=n (default 1) drains with n workers started together (competing consumers on the one queue; the CPU and batch
# figures are their sum), to tell a second worker's contention from its share of the CPU. WAITS=1 samples, through each
# timed drain, what the active client backends wait on (pg_stat_activity, every 0.1 s from one psql session) and the
# locks not granted (pg_locks), and counts deadlocks and rolled-back transactions (pg_stat_database: a serialization
# failure or a deadlock victim rolls back), the workers' warnings and errors, and RabbitMQ's redeliveries (management API) over that drain.
# STUDENTS=n: the generator's --students (default 500; with the 4 example problems, 2,000 (student, problem) pairs, each
# submitted again only after 2,000 submissions; STUDENTS=125 gives 500 pairs, so that two workers' concurrent batches
# often grade one pair's submissions and wait for each other on its summary rows: the shared-key case).
# Uses a database and a vhost of its own (grader_drain, /drain); stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3000}
shift || true
WARM_ROUNDS=${WARM_ROUNDS:-2}
WORKERS=${WORKERS:-1}
NAME=drain
source bench/lib.sh
# Another build of the worker to compare with (a copy of an earlier bin/Release/net10.0), back to back on one machine.
WORKER_DIR=$(realpath "${GRADER_DRAIN_WORKER_DIR:-src/Grader.Worker/bin/Release/net10.0}")
rm -f "$LOGS"/worker*.log
start_workers() { # settings… → $WORKERS workers (logs worker-1.log …), their pids in workers
    workers=()
    local k
    for k in $(seq 1 "$WORKERS"); do
        (cd "$WORKER_DIR" && exec env "$@" dotnet Grader.Worker.dll) > "$LOGS/worker-$k.log" 2>&1 &
        workers+=($!)
        pids+=($!)
    done
}
# A first worker declares the queue, then stops: the posts below wait in it.
(cd "$WORKER_DIR" && exec dotnet Grader.Worker.dll) > "$LOGS/declare.log" 2>&1 &
declare=$!
pids+=($declare)
wait_for_api
sleep 5
kill -TERM "$declare"; wait "$declare" 2>/dev/null || true

count() { psql_on "$DB" -t -A -c "select count(*) from submissions where status in ($1)"; }
cpu() { # pids… → their user+system CPU seconds
    local ticks=0 pid
    for pid in "$@"; do [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
# The backends of the database's clients (not its autovacuum workers, whose rounds fall into one drain or another).
postgres_pids() { pgrep -f "postgres: $GRADER_PG_USER $DB " || true; }
batches() { { cat "$LOGS"/worker-*.log 2>/dev/null || true; } | { grep -c "Batch of" || true; }; }

bench=(dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll --url "$URL" --secret "$SECRET" --connection "$connection" ${STUDENTS:+--students "$STUDENTS"})
queue() { # n → posts n submissions and returns once all of them are queued (the poster is stopped: its polling is no load)
    "${bench[@]}" --count "$1" --concurrency 16 >> "$LOGS/bench.log" 2>&1 &
    local poster=$!
    pids+=($poster)
    until [ "$(count "'queued'")" -ge "$1" ]; do sleep 1; done
    kill -TERM "$poster" 2>/dev/null || true; wait "$poster" 2>/dev/null || true
    sleep 1
}
# Waits until nothing is queued or grading, sampling (seconds, finished, worker CPU) into $LOGS/samples; sets t1.
drain() {
    : > "$LOGS/samples"
    local done_now
    while :; do
        done_now=$(count "'graded', 'failed'")
        echo "$(date +%s.%N) $done_now $(cpu "${workers[@]}")" >> "$LOGS/samples"
        [ "$(count "'queued', 'grading'")" -eq 0 ] && break
        sleep 0.2
    done
    t1=$(date +%s.%N)
}
tenths() { # finished and worker CPU before the drain, n → worker CPU ms a submission in each tenth of the drain
    awk -v base="$1" -v c0="$2" -v n="$3" 'BEGIN { c[0] = c0 } { d = $2 - base; while (k < 10 && d >= (k + 1) * n / 10) { k++; c[k] = $3; f[k] = d } }
        END { printf "worker CPU ms a submission by tenth of the drain:"
              for (i = 1; i <= k; i++) if (f[i] > f[i-1]) printf " %.2f", 1000 * (c[i] - c[i-1]) / (f[i] - f[i-1]); print "" }' "$LOGS/samples"
}
# RabbitMQ's beam since the last call to report (set before each timed drain by rabbit_mark), in ms a submission.
# Also marks the machine's busy and idle ticks: report gives the share of all cores left idle through the drain.
rabbit_mark() { rabbit0=$(rabbit_ticks); read -r busy0 idle0 < <(machine_ticks); }
report() { # label, n, t0, t1, worker CPU before/after, PostgreSQL CPU before/after, batches before/after
    local busy1 idle1
    read -r busy1 idle1 < <(machine_ticks)
    awk -v busy=$((busy1 - ${busy0:-0})) -v idle=$((idle1 - ${idle0:-0})) -v l="$1" -v n="$2" -v t0="$3" -v t1="$4" -v w0="$5" -v w1="$6" -v p0="$7" -v p1="$8" -v b="$((${10} - $9))" \
        -v r="$(( $(rabbit_ticks) - ${rabbit0:-0} ))" -v hz="$HZ" 'BEGIN {
        printf "%s: %d in %.1f s = %.0f graded/s; worker CPU %.2f ms a submission; PostgreSQL backends %.2f ms; RabbitMQ %.2f ms; mean batch %.1f (%d batches); cores idle %.0f %%\n",
            l, n, t1 - t0, n / (t1 - t0), 1000 * (w1 - w0) / n, 1000 * (p1 - p0) / n, 1000 * r / hz / n, b ? n / b : 0, b,
            (busy + idle > 0 ? 100 * idle / (busy + idle) : 0) }'
}

# WAITS=1: contention or only a share of the CPU? What the active client backends wait on through a drain.
conflicts() { psql_on "$DB" -t -A -F' ' -c "select deadlocks, xact_rollback from pg_stat_database where datname = '$DB'"; }
redeliveries() { curl -s -u guest:guest "http://127.0.0.1:$GRADER_RABBIT_HTTP_PORT/api/queues/$NAME" | jq '[.[].message_stats.redeliver // 0] | add'; }
complaints() { { cat "$LOGS"/worker-*.log 2>/dev/null || true; } | { grep -c -E '^(warn|fail|crit)|deadlock|could not serialize|40P01|40001' || true; }; }
waits_start() {
    read -r deadlocks0 rollbacks0 < <(conflicts); redeliver0=$(redeliveries); complaints0=$(complaints)
    # exec: the pid to stop is psql's own (a function run in the background would leave psql running once stopped).
    (exec psql -q -X -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d "$DB" -t -A) > "$LOGS/waits" 2>/dev/null <<SQL &
select coalesce(wait_event_type || ':' || wait_event, 'on CPU') from pg_stat_activity
    where datname = '$DB' and state = 'active' and backend_type = 'client backend' and application_name <> 'psql'
union all select 'lock not granted: ' || locktype || ' ' || mode from pg_locks where not granted
\\watch 0.1
SQL
    sampler=$!
    pids+=($sampler)
    # Who waits for whom, and on which row: each backend waiting for a lock, the lock, the backend holding it, the
    # tuple lock the waiter holds meanwhile (a row lock's queue) and, for a summary row, that row's key as the waiter's
    # snapshot still sees it. Read by waits_report (and kept in $LOGS/lock-waits for a closer look).
    (exec psql -q -X -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" -d "$DB" -t -A -F'|') > "$LOGS/lock-waits" 2>/dev/null <<SQL &
select clock_timestamp()::time, w.pid, w.locktype, w.mode, pg_blocking_pids(w.pid)::text,
       coalesce(t.relation::regclass::text, '-'), coalesce(t.page || ',' || t.tuple, '-'),
       coalesce((select b.course || '/' || b.assignment || '/' || b.student_id || '/' || b.problem_id from summary_best b
                 where t.relation = 'summary_best'::regclass and b.ctid = format('(%s,%s)', t.page, t.tuple)::tid), '-'),
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 60)
from pg_locks w
join pg_stat_activity a on a.pid = w.pid
left join pg_locks t on t.pid = w.pid and t.locktype = 'tuple' and t.granted
where not w.granted
\\watch 0.1
SQL
    lock_sampler=$!
    pids+=($lock_sampler)
}
waits_stop() {
    kill -TERM "$sampler" "$lock_sampler" 2>/dev/null || true
    wait "$sampler" "$lock_sampler" 2>/dev/null || true
}
waits_report() {
    local deadlocks1 rollbacks1
    read -r deadlocks1 rollbacks1 < <(conflicts)
    echo "  active client backends, samples every 0.1 s: $(grep -a -v '^$' "$LOGS/waits" \
        | sort | uniq -c | sort -rn | awk '{ n = $1; $1 = ""; printf "%s%s %d", sep, substr($0, 2), n; sep = ", " }')"
    echo "  lock waits by relation of the waiter's tuple lock (- : none, e.g. a unique-index check): $(grep -a -v '^$' "$LOGS/lock-waits" \
        | awk -F'|' '{ print $3, $6 }' | sort | uniq -c | sort -rn | awk '{ printf "%s%s %s %d", sep, $2, $3, $1; sep = ", " }')"
    echo "  summary_best keys waited for: $(grep -a -v '^$' "$LOGS/lock-waits" | awk -F'|' '$8 != "-" { print $8 }' | sort -u | wc -l) distinct"
    echo "  deadlocks $((deadlocks1 - deadlocks0)), rolled-back transactions $((rollbacks1 - rollbacks0)), RabbitMQ redeliveries $(( $(redeliveries) - redeliver0 )), worker warnings/errors $(( $(complaints) - complaints0 ))"
}

queue "$COUNT"
echo "== $COUNT queued; $WORKERS worker(s) with: ${*:-defaults} (load $(cut -d' ' -f1-3 /proc/loadavg))"
b0=$(batches)
rabbit_mark
start_workers "$@"
t0=$(date +%s.%N)
sleep 0.5
pg_before=$(cpu $(postgres_pids))
drain
worker_cpu=$(cpu "${workers[@]}")
pg_after=$(cpu $(postgres_pids))
report "with start-up" "$COUNT" "$t0" "$t1" 0 "$worker_cpu" "$pg_before" "$pg_after" "$b0" "$(batches)"
# Steady state: from the tenth graded on, past the worker's start-up (JIT, connections), which the first figure includes.
read -r steady_t0 steady_done steady_cpu0 < <(awk -v n="$((COUNT / 10))" '$2 >= n { print $1, $2, $3; exit }' "$LOGS/samples")
awk -v n="$((COUNT - steady_done))" -v t0="$steady_t0" -v t1="$t1" -v c0="$steady_cpu0" -v c1="$worker_cpu" 'BEGIN {
    printf "steady (the last %d, start-up excluded): %.0f graded/s; worker CPU %.2f ms a submission\n", n, n / (t1 - t0), 1000 * (c1 - c0) / n }'
tenths 0 0 "$COUNT"
# As bench/throughput.sh after its warm-up: the workers' generic plans were made on the new database's empty tables
# (sequential scans), and lasted until autovacuum's analyze, whenever that came; an analyze invalidates them, so the
# warmed drains no longer depend on when autovacuum woke (PostgreSQL's CPU a submission varied from 0.9 to 6.6 ms).
psql_on "$DB" -c analyze

for round in $(seq 1 "$WARM_ROUNDS"); do
    kill -STOP "${workers[@]}"
    finished=$(count "'graded', 'failed'")
    queue "$COUNT"
    b0=$(batches); w0=$(cpu "${workers[@]}"); pg_before=$(cpu $(postgres_pids)); rabbit_mark
    [ -z "${WAITS:-}" ] || waits_start
    t0=$(date +%s.%N)
    # PERF_OUT=file: perf samples the worker through the last warmed drain (run with DOTNET_PerfMapEnabled=1 among the
    # settings, so that perf can name the JIT-compiled frames).
    if [ -n "${PERF_OUT:-}" ] && [ "$round" = "$WARM_ROUNDS" ]; then
        perf record -F 499 -g -p "$(IFS=,; echo "${workers[*]}")" -o "$PERF_OUT" > "$LOGS/perf.log" 2>&1 &
        perf=$!
        sleep 0.5
    fi
    kill -CONT "${workers[@]}"
    drain
    [ -z "${WAITS:-}" ] || waits_stop
    [ -z "${perf:-}" ] || { kill -INT "$perf" 2>/dev/null || true; wait "$perf" || true; }
    report "warmed $round (load $(cut -d' ' -f1 /proc/loadavg))" "$COUNT" "$t0" "$t1" "$w0" "$(cpu "${workers[@]}")" \
        "$pg_before" "$(cpu $(postgres_pids))" "$b0" "$(batches)"
    tenths "$finished" "$w0" "$COUNT"
    [ -z "${WAITS:-}" ] || waits_report
done

grade_latency() { # since, label → the p50/p99/max of received → graded for the submissions received since then
    psql_on "$DB" -t -A -c "select '  $2, received to graded: ' || count(*) || ' grades, p50 ' || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
        || ' ms, p99 ' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1) || ' ms, max ' || round(max(ms)::numeric, 1) || ' ms'
        from (select 1000 * extract(epoch from graded_at - received_at) as ms from submissions where received_at >= '$1' and status = 'graded') l"
}

# A lone student on an idle service: LONE (default 20) submissions, one every LONE_GAP_MS (default 250) ms, each graded
# long before the next arrives, so each is a batch of one; received → graded is what a batch's time limit makes a
# student wait when nobody else is submitting (LONE=0 skips it).
if [ "${LONE:-20}" != 0 ]; then
    since=$(psql_on "$DB" -t -A -c "select now()")
    b0=$(batches)
    "${bench[@]}" --rate "$(awk -v g="${LONE_GAP_MS:-250}" 'BEGIN { print 1000 / g }')" \
        --seconds "$(awk -v n="${LONE:-20}" -v g="${LONE_GAP_MS:-250}" 'BEGIN { print n * g / 1000 }')" > "$LOGS/lone.log" 2>&1 || true
    echo "lone submissions, one every ${LONE_GAP_MS:-250} ms on the idle warmed worker (load $(cut -d' ' -f1 /proc/loadavg)): $(( $(batches) - b0 )) batches"
    grade_latency "$since" "lone"
fi

# RATE=r SECONDS_AT_RATE=s: then r submissions a second for s seconds (open loop) while the warmed worker consumes; the
# grade's latency (received → graded) says what a delivery waits for a batch to fill at that rate.
if [ -n "${RATE:-}" ]; then
    since=$(psql_on "$DB" -t -A -c "select now()")
    pg_pids=$(postgres_pids)
    b0=$(batches); w0=$(cpu "${workers[@]}"); pg_before=$(cpu $pg_pids); rabbit_mark
    t0=$(date +%s.%N)
    "${bench[@]}" --rate "$RATE" --seconds "${SECONDS_AT_RATE:-10}" > "$LOGS/rate.log" 2>&1 || true
    t1=$(date +%s.%N)
    n=$(psql_on "$DB" -t -A -c "select count(*) from submissions where received_at >= '$since' and status in ('graded', 'failed')")
    report "fixed $RATE/s for ${SECONDS_AT_RATE:-10} s, posts and grading (load $(cut -d' ' -f1 /proc/loadavg); PostgreSQL includes the intake)" \
        "$n" "$t0" "$t1" "$w0" "$(cpu "${workers[@]}")" "$pg_before" "$(cpu $pg_pids)" "$b0" "$(batches)"
    grep -E '^(achieved|latency|graded):' "$LOGS/rate.log" | sed 's/^/  webhook /'
    grade_latency "$since" "grade latency at $RATE/s"
fi

psql_on "$DB" -t -A -F' ' -c "select pg_stat_force_next_flush()" \
    -c "select 'submissions updates: ' || n_tup_upd || ', of which HOT: ' || n_tup_hot_upd from pg_stat_user_tables where relname = 'submissions'" \
    -c "select 'graded ' || count(*) filter (where status = 'graded') || ', failed ' || count(*) filter (where status = 'failed') || ', results ' || (select count(*) from results) from submissions"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
