#!/usr/bin/env bash
# Instructor queries and the staff pages at 1,000,000 results: seeds a scratch database (grader_bench) with bench/queries-seed.sql, starts the
# API on it and times each query over HTTP: `bench/queries.sh [runs]` (default 20 runs per query after one warm-up).
# Needs infra/postgres.sh running (GRADER_PG_PORT etc. as for the other scripts). Not part of ./test.sh: seeding takes minutes.
# GRADER_BENCH_RESEED=0 re-uses the seeded database, GRADER_BENCH_BUILD=0 the last build; GRADER_BENCH_CONNECTION_OPTIONS is appended to the API's connection
# string only (A/B runs of connection settings, e.g. "Max Auto Prepare=0;No Reset On Close=false").
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
mkdir -p "$GRADER_LOCAL"
runs=${1:-20}
port=${GRADER_BENCH_API_PORT:-5181}
db=grader_bench
connection="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$db;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
psql_db() { PGPASSWORD=$GRADER_PG_PASSWORD psql -q -h 127.0.0.1 -p "$GRADER_PG_PORT" -U "$GRADER_PG_USER" "$@"; }

if [ "${GRADER_BENCH_BUILD:-1}" = 1 ]; then
    dotnet build src/Grader.Cli -c Release --nologo -v quiet -clp:NoSummary
    dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
fi

if [ "${GRADER_BENCH_RESEED:-1}" = 1 ]; then
    psql_db -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
    key=$(dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll keys create --role instructor --course bench --connection "$connection")
    echo "seeding 1,000,000 submissions and results ..."
    psql_db -d "$db" -f bench/queries-seed.sql
else
    key=$(dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll keys create --role instructor --course bench --connection "$connection")
fi

api_connection="$connection${GRADER_BENCH_CONNECTION_OPTIONS:+;$GRADER_BENCH_CONNECTION_OPTIONS}"
ConnectionStrings__Grader="$api_connection" RabbitMq__Port=$GRADER_AMQP_PORT Problems__Directory="$PWD/problems" \
    ASPNETCORE_ENVIRONMENT=Production Sessions__KeyEncryptionKey="$(session_key)" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet src/Grader.Api/bin/Release/net10.0/Grader.Api.dll > "$GRADER_LOCAL/grader-bench-api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done

base="http://127.0.0.1:$port/api/v1/courses/bench"
cursor=$(curl -sf -H "Authorization: Bearer $key" "$base/assignments/a1/gradebook?limit=500" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"])')
declare -a names=(
    "summary, whole assignment"
    "summary, ?problemId=p2"
    "summary, one week (from/to)"
    "summary, last week (from/to)"
    "gradebook latest, 100 students"
    "gradebook best, 100 students"
    "gradebook latest CSV, 500 students, 2nd page"
    "gradebook latest by total desc, 100 students"
    "gradebook best by p2 desc, 100 students"
    "student history, 100 newest"
    "student history, p3 in October"
    "manual parts with counts, a2"
    "manual answers 1a, ungraded, 50"
)
declare -a urls=(
    "$base/assignments/a1/summary"
    "$base/assignments/a1/summary?problemId=p2"
    "$base/assignments/a1/summary?from=2026-10-01&to=2026-10-08"
    "$base/assignments/a1/summary?from=2026-10-14&to=2026-10-21"
    "$base/assignments/a1/gradebook?limit=100"
    "$base/assignments/a1/gradebook?limit=100&policy=best"
    "$base/assignments/a1/gradebook?limit=500&format=csv&cursor=$cursor"
    "$base/assignments/a1/gradebook?limit=100&sort=total&order=desc"
    "$base/assignments/a1/gradebook?limit=100&policy=best&sort=p2&order=desc"
    "$base/students/s02500/submissions?limit=100"
    "$base/students/s02500/submissions?problemId=p3&from=2026-10-01&to=2026-11-01"
    "$base/assignments/a2/manual"
    "$base/assignments/a2/manual/mit-6390-rec6/1a?state=ungraded&limit=50"
)
# CPU per request, which the machine's load barely moves (unlike the times): the API process's, and PostgreSQL's
# (every process of this checkout's server), in ms from the clock ticks of /proc/<pid>/stat over the timed runs.
postmaster=$(head -1 "$GRADER_LOCAL/postgres/data/postmaster.pid")
ticks() { cat "$@" 2>/dev/null | awk '{ total += $14 + $15 } END { print total + 0 }'; }
api_ticks() { ticks "/proc/$api/stat"; }
pg_ticks() { ticks $(ps -o pid= --ppid "$postmaster" | awk '{ print "/proc/" $1 "/stat" }'); }
hz=$(getconf CLK_TCK)
print_row() { # name, times (one a line), bytes, API ticks, PostgreSQL ticks
    echo "$2" | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p95 = t[min(len(t) - 1, int(round(0.95 * len(t))) - 1)]
per = 1000.0 / $hz / len(t)
print('| %-44s | %9.1f | %9.1f | %9d | %8.1f | %8.1f |' % ('''$1''', statistics.median(t), p95, $3, $4 * per, $5 * per))"
}
printf '| %-44s | %9s | %9s | %9s | %8s | %8s |\n' query "median ms" "p95 ms" "bytes" "API cpu" "PG cpu"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "-----------" "-----------" "----------" "----------"
for i in "${!urls[@]}"; do
    curl -sf -o /dev/null -H "Authorization: Bearer $key" "${urls[$i]}"   # warm-up
    api0=$(api_ticks); pg0=$(pg_ticks)
    times=$(for _ in $(seq "$runs"); do
        curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $key" "${urls[$i]}"
    done)
    api1=$(api_ticks); pg1=$(pg_ticks)
    bytes=$(curl -sf -H "Authorization: Bearer $key" "${urls[$i]}" | wc -c)
    print_row "${names[$i]}" "$times" "$bytes" $((api1 - api0)) $((pg1 - pg0))
done

# The staff pages (issue 9) on the same data, server time as curl sees it: sign in once with the same instructor key (the
# form's antiforgery token and a cookie jar), then each page with the session cookie.
site="http://127.0.0.1:$port"
jar=$(mktemp)
trap 'kill $api 2>/dev/null || true; rm -f "$jar"' EXIT
token=$(curl -sf -c "$jar" -b "$jar" "$site/signin" \
    | python3 -c 'import re, sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Key=$key" --data-urlencode "__RequestVerificationToken=$token" "$site/signin"
submission=$(curl -sf -H "Authorization: Bearer $key" "$base/students/s02500/submissions?limit=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["submissions"][0]["id"])')
declare -a page_names=(
    "page: dashboard"
    "page: assignment, whole"
    "page: assignment, ?problemId=p2"
    "page: assignment, last week (from/to)"
    "page: assignment, one week (from/to)"
    "page: gradebook latest, 100 students"
    "page: gradebook best, 100 students"
    "page: gradebook latest by total desc, 100"
    "page: gradebook best by total desc, 100"
    "page: student, 100 newest"
    "page: submission"
    "page: grading, a2's manual parts"
    "page: grading queue, a2 1a (next ungraded)"
    "page: grading answers, a2 1a graded"
    "page: regrades, newest 50"
    "page: regrade job, running (100,000 items)"
)
declare -a page_urls=(
    "$site/"
    "$site/courses/bench/assignments/a1"
    "$site/courses/bench/assignments/a1?problemId=p2"
    "$site/courses/bench/assignments/a1?from=2026-10-14T00:00&to=2026-10-21T00:00"
    "$site/courses/bench/assignments/a1?from=2026-10-01T00:00&to=2026-10-08T00:00"
    "$site/courses/bench/assignments/a1/gradebook?limit=100"
    "$site/courses/bench/assignments/a1/gradebook?limit=100&policy=best"
    "$site/courses/bench/assignments/a1/gradebook?limit=100&sort=total&desc=true"
    "$site/courses/bench/assignments/a1/gradebook?limit=100&policy=best&sort=total&desc=true"
    "$site/courses/bench/students/s02500?limit=100"
    "$site/courses/bench/submissions/$submission"
    "$site/courses/bench/assignments/a2/grading"
    "$site/courses/bench/assignments/a2/grading/mit-6390-rec6/1a"
    "$site/courses/bench/assignments/a2/grading/mit-6390-rec6/1a/answers?state=graded"
    "$site/regrades"
    "$site/regrades/00000000-0000-0000-0000-0000000000ff"
)
for i in "${!page_urls[@]}"; do
    # -f: a redirect to /signin (no session) or an error fails the run instead of timing the wrong page.
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${page_urls[$i]}")" = 200 ] || die "${page_urls[$i]} did not answer 200"
    api0=$(api_ticks); pg0=$(pg_ticks)
    times=$(for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' -b "$jar" "${page_urls[$i]}"; done)
    api1=$(api_ticks); pg1=$(pg_ticks)
    bytes=$(curl -sf -b "$jar" "${page_urls[$i]}" | wc -c)
    print_row "${page_names[$i]}" "$times" "$bytes" $((api1 - api0)) $((pg1 - pg0))
done
