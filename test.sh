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
run_project() {
    dotnet test "$@" -c Release --no-build --nologo --blame-hang-timeout 5m --logger "console;verbosity=normal" 2>&1
}
log_of() { echo "$log_dir/$(basename "$1" .csproj).log"; }
if [ "${GRADER_TEST_SIDE_BY_SIDE:-0}" = 1 ]; then
    for project in tests/*/*.csproj; do
        { rc=0; run_project "$project" > "$(log_of "$project")" || rc=$?; echo "$rc" > "$(log_of "$project").rc"; } &
    done
    wait
    cat "$log_dir"/*.log
else
    for project in tests/*/*.csproj; do
        rc=0
        run_project "$project" | tee "$(log_of "$project")" || rc=$?
        echo "$rc" > "$(log_of "$project").rc"
    done
fi

count() { awk -v what="$1" '$1 == what ":" && $2 ~ /^[0-9]+$/ && NF == 2 {sum += $2} END {print sum + 0}' "$2"; }
failed_names() { { grep -E '^  Failed ' "$1" || true; } | sed -E 's/^  Failed //; s/ \[[^]]*\]$//'; }

# A failed test runs once more, alone in a fresh test host. If that second run passes, the test counts as passed and is
# listed below as flaky, with its first failure's message; if it fails again, it counts as failed and fails the run.
# Browser tests see the odd lost Chromium event (a page whose "load" never came, once in a CI run) that a second run
# does not see again.
status=0 passed=0 failed=0 flaky=()
for project in tests/*/*.csproj; do
    log=$(log_of "$project")
    project_passed=$(count Passed "$log") project_failed=$(count Failed "$log")
    # Only a run that finished: a test host that crashed or hung may have left tests unrun, and a retry would hide that.
    if [ "$(cat "$log.rc")" != 0 ] && [ "$project_failed" -gt 0 ] && grep -q '^Test Run Failed\.' "$log" \
        && ! grep -qiE 'test run (was )?aborted|test host process crashed' "$log"; then
        mapfile -t names < <(failed_names "$log" | sed -E 's/\(.*$//' | sort -u)
        filter=$(printf 'FullyQualifiedName=%s|' "${names[@]}")
        echo "Running again, once: ${names[*]}"
        if run_project "$project" --filter "${filter%|}" > "$log.retry" && [ "$(count Failed "$log.retry")" = 0 ]; then
            mapfile -t -O "${#flaky[@]}" flaky < <(failed_names "$log")
            project_passed=$((project_passed + project_failed)) project_failed=0
            echo 0 > "$log.rc"
        fi
    fi
    if [ "$(cat "$log.rc")" != 0 ]; then status=1; fi
    passed=$((passed + project_passed)) failed=$((failed + project_failed))
done

# CI keeps only the end of the output, so each failure is repeated here, flaky ones too: its message and the first lines
# of its stack (at most 25 lines a failure), then one line a failed test, then the totals.
failure_messages() {
    for file in "$@"; do
        [ ! -f "$file" ] || awk '
            /^  Failed / { shown = 0; inside = 1 }
            /^  (Passed|Skipped) / || /^Test Run / || /^Total tests:/ { inside = 0 }
            inside && shown < 25 { print; shown++ }' "$file"
    done
}
for project in tests/*/*.csproj; do
    log=$(log_of "$project")
    [ -n "$(failed_names "$log")" ] || [ "$(cat "$log.rc")" != 0 ] || continue
    echo "== $project: exit code $(cat "$log.rc")"
    failure_messages "$log" "$log.retry"
    echo "Failed in $project:"
    { failed_names "$log"; [ ! -f "$log.retry" ] || failed_names "$log.retry" | sed 's/$/ (again, on its second run)/'; } \
        | sed 's/^/  - /'
done
if [ "${#flaky[@]}" -gt 0 ]; then
    echo "Flaky: failed once, then passed on a second run (counted as passed):"
    printf '  - %s\n' "${flaky[@]}"
fi
rm -rf "$log_dir"
echo "$passed passed, $failed failed"
exit "$status"
