#!/usr/bin/env bash
# Issue 9: the windowed summary's PostgreSQL CPU per request, which a busy machine disturbs far less than wall time. On the
# database bench/queries.sh seeded (grader_bench, 1,100,000 submissions), starts the API and requests each summary and
# assignment page [runs] times after two warm-ups, then prints the median wall time and the CPU that PostgreSQL spent per
# request: the backends of grader_bench plus the postmaster's reaped children (parallel workers), from /proc.
#   bench/window-cpu.sh [runs]                 # default 20; the API of this checkout (bin/Release, built here)
#   GRADER_BENCH_API_DIR=/tmp/api-before GRADER_BENCH_KEY=… bench/window-cpu.sh     # another build of the API, and a key
# GRADER_BENCH_KEY skips creating a key (the CLI would migrate the database to this checkout's schema first).
# GRADER_BENCH_EXPLAIN=1 also logs each statement's plan with EXPLAIN (ANALYZE, BUFFERS) (auto_explain, to the server log).
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
runs=${1:-20}
port=${GRADER_BENCH_API_PORT:-5181}
db=grader_bench
connection="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$db;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
api_dir=${GRADER_BENCH_API_DIR:-src/Grader.Api/bin/Release/net10.0}
psql_db() { PGPASSWORD=$GRADER_PG_PASSWORD psql -q -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" "$@"; }

if [ -n "${GRADER_BENCH_KEY:-}" ]; then
    key=$GRADER_BENCH_KEY
else
    dotnet build src/Grader.Cli -c Release --nologo -v quiet -clp:NoSummary
    dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
    key=$(dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll keys create --role instructor --course bench --connection "$connection" | head -1)
fi
if [ "${GRADER_BENCH_EXPLAIN:-0}" = 1 ]; then
    psql_db -d "$db" -c "alter database $db set session_preload_libraries = 'auto_explain'" \
        -c "alter database $db set auto_explain.log_min_duration = 0" -c "alter database $db set auto_explain.log_analyze = on" \
        -c "alter database $db set auto_explain.log_buffers = on" -c "alter database $db set auto_explain.log_nested_statements = on"
else
    psql_db -d "$db" -c "alter database $db reset all"
fi

ConnectionStrings__Grader="$connection" RabbitMq__Port=$GRADER_AMQP_PORT Problems__Directory="$PWD/problems" \
    ASPNETCORE_ENVIRONMENT=Production Sessions__KeyEncryptionKey="$(session_key)" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet "$api_dir/Grader.Api.dll" > "$GRADER_LOCAL/grader-window-cpu-api.log" 2>&1 &
api=$!
jar=$(mktemp)
trap 'kill $api 2>/dev/null || true; rm -f "$jar"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done

site="http://127.0.0.1:$port"
token=$(curl -sf -c "$jar" -b "$jar" "$site/signin" \
    | python3 -c 'import re, sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Key=$key" --data-urlencode "__RequestVerificationToken=$token" "$site/signin"

# The postmaster (the oldest process listening on our port); its backends for this database name it in their title.
postmaster=$(pgrep -o -f "postgres -D .* -p $GRADER_PG_PORT")
cpu_ticks() {
    local ticks pid
    ticks=$(awk '{print $16 + $17}' "/proc/$postmaster/stat") # reaped children: parallel workers that have exited
    for pid in $(pgrep -f "postgres: $GRADER_PG_USER $db " || true); do
        [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$ticks"
}

api_base="$site/api/v1/courses/bench/assignments/a1"
page_base="$site/courses/bench/assignments/a1"
declare -a names=(
    "summary, one week in mid-term"
    "summary, last week"
    "summary, whole assignment"
    "page: assignment, one week in mid-term"
    "page: assignment, last week"
    "page: assignment, whole"
)
declare -a urls=(
    "$api_base/summary?from=2026-10-01&to=2026-10-08"
    "$api_base/summary?from=2026-10-14&to=2026-10-21"
    "$api_base/summary"
    "$page_base?from=2026-10-01T00:00&to=2026-10-08T00:00"
    "$page_base?from=2026-10-14T00:00&to=2026-10-21T00:00"
    "$page_base"
)
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-40s | %9s | %22s |\n' request "median ms" "PostgreSQL CPU ms/req"
for i in "${!urls[@]}"; do
    auth=(-H "Authorization: Bearer $key")
    [[ ${names[$i]} == page* ]] && auth=(-b "$jar")
    for _ in 1 2; do curl -sf -o /dev/null "${auth[@]}" "${urls[$i]}"; done
    before=$(cpu_ticks)
    times=$(for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' "${auth[@]}" "${urls[$i]}"; done)
    after=$(cpu_ticks)
    echo "$times" | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
print('| %-40s | %9.1f | %22.1f |' % ('''${names[$i]}''', statistics.median(t), ($after - $before) * 1000 / $(getconf CLK_TCK) / $runs))"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_db -d "$db" -c "alter database $db reset all"
