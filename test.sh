#!/usr/bin/env bash
# README command 2: every test in Grader.sln (unit, integration and browser). The tests that need PostgreSQL and RabbitMQ start
# them as containers (Testcontainers) from local images: infra/docker.sh installs the Docker engine when missing (as
# root), starts it, and builds the images when absent or changed. On exit this script stops what it started (the engine
# if it was not running, and any container the tests left) and waits for it.
set -euo pipefail
cd "$(dirname "$0")"
source infra/env.sh
# Debian's engine (20.10) speaks API 1.41; Ryuk (Testcontainers' reaper) cannot be pulled here, so the tests dispose of
# their containers themselves and `docker.sh clean` removes what a killed test left; containers are reached on loopback.
export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost

engine_started=
cleanup() {
    infra/docker.sh clean || true
    if [ -n "$engine_started" ]; then infra/docker.sh stop || true; fi
}
trap cleanup EXIT

infra/docker.sh install-if-missing
engine=$(infra/docker.sh start) || exit 1
if [ "$engine" = started ]; then engine_started=1; fi
infra/docker.sh images
# The browser tests (tests/Grader.BrowserTests) drive Debian's Chromium through Playwright's ExecutablePath (Playwright's
# own browser download cannot be reached here); Playwright closes the browser after each test class.
command -v chromium >/dev/null || apt_install chromium fonts-liberation

dotnet build Grader.sln -c Release --nologo -v quiet
# A test that hangs for 5 minutes is killed with a dump instead of eating the CI limit. Every test project has containers
# of its own and the outage tests stop only theirs, so projects may run side by side (GRADER_TEST_SIDE_BY_SIDE=1); by
# default they run one after another, which measured as fast on 2 cores (docs/benchmarks.md) and keeps timing-sensitive
# tests away from each other's load.
log_dir=$(mktemp -d)
status=0
run_project() {
    dotnet test "$1" -c Release --no-build --nologo --blame-hang-timeout 5m --logger "console;verbosity=normal" 2>&1
}
if [ "${GRADER_TEST_SIDE_BY_SIDE:-0}" = 1 ]; then
    pids=()
    for project in tests/*/*.csproj; do
        run_project "$project" > "$log_dir/$(basename "$project" .csproj).log" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
    cat "$log_dir"/*.log
else
    for project in tests/*/*.csproj; do
        run_project "$project" | tee "$log_dir/$(basename "$project" .csproj).log" || status=$?
    done
fi
# One closing line over every test project, in the plain form CI reads: "N passed, N failed".
passed=$(cat "$log_dir"/*.log | awk '/^ +Passed: +[0-9]+$/ {sum += $2} END {print sum + 0}')
failed=$(cat "$log_dir"/*.log | awk '/^ +Failed: +[0-9]+$/ {sum += $2} END {print sum + 0}')
# CI keeps only the end of the output, so each failure is repeated here: its message and the first lines of its stack
# (at most 25 lines a failure), then one line a failed test, then the totals.
if [ "$failed" != 0 ]; then
    echo "Failed tests, with their messages:"
    cat "$log_dir"/*.log | awk '
        /^  Failed / { shown = 0; inside = 1 }
        /^  (Passed|Skipped) / || /^Test Run / || /^Total tests:/ { inside = 0 }
        inside && shown < 25 { print; shown++ }'
    echo "Failed tests:"
    cat "$log_dir"/*.log | { grep -E '^  Failed ' || true; } | sed 's/^  Failed /  - /'
fi
rm -rf "$log_dir"
echo "$passed passed, $failed failed"
exit "$status"
