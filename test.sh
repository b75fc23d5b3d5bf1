#!/usr/bin/env bash
# README command 2: every test in Grader.sln (unit, integration and browser). The tests that need PostgreSQL and RabbitMQ start
# them as containers (Testcontainers) from local images: infra/docker.sh installs the Docker engine when missing (as
# root), starts it, and builds the images when absent or changed. On exit this script stops what it started (the engine
# if it was not running, and any container the tests left) and waits for it.
set -euo pipefail
cd "$(dirname "$0")"
source infra/env.sh
source infra/test-report.sh
# Debian's engine (20.10) speaks API 1.41; Ryuk (Testcontainers' reaper) cannot be pulled here, so the tests dispose of
# their containers themselves and `docker.sh clean` removes what a killed test left; containers are reached on loopback.
export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost

engine_started= log_dir=
cleanup() {
    [ -z "$log_dir" ] || rm -rf "$log_dir"
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
# Every test project has containers of its own and the outage tests stop only theirs, so projects may run side by side
# (GRADER_TEST_SIDE_BY_SIDE=1); by default they run one after another, which measured as fast on 2 cores
# (docs/benchmarks.md) and keeps timing-sensitive tests away from each other's load. infra/test-report.sh runs each
# project (run_test_project), then re-runs the failed tests of a run that finished and prints the report and totals.
log_dir=$(mktemp -d)
log_of() { test_log_of "$log_dir" "$1"; }
if [ "${GRADER_TEST_SIDE_BY_SIDE:-0}" = 1 ]; then
    for project in tests/*/*.csproj; do
        { rc=0; run_test_project "$project" > "$(log_of "$project")" || rc=$?; echo "$rc" > "$(log_of "$project").rc"; } &
    done
    wait
    cat "$log_dir"/*.log
else
    for project in tests/*/*.csproj; do
        rc=0
        run_test_project "$project" | tee "$(log_of "$project")" || rc=$?
        echo "$rc" > "$(log_of "$project").rc"
    done
fi

report_test_runs "$log_dir" tests/*/*.csproj
