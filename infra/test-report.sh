# test.sh's report on its `dotnet test` runs: each failed test of a run that finished runs once more, then every
# failure's message, one line a failed test, the flaky tests and the totals, which CI keeps (it keeps only the end of
# the output). Sourced, not run; tests/Grader.IntegrationTests/Scripts/TestReportTests.cs runs it on recorded logs.

# The retry runs a project exactly as the first run did. A test that hangs for 5 minutes is killed with a dump instead
# of eating the CI limit.
run_test_project() {
    dotnet test "$@" -c Release --no-build --nologo --blame-hang-timeout 5m --logger "console;verbosity=normal" 2>&1
}

# Where a project's console log goes; its exit code goes beside it, in the same name with .rc added.
test_log_of() { echo "$1/$(basename "$2" .csproj).log"; }

# Usage: report_test_runs LOG_DIR PROJECT... ; returns 1 when a test failed or a run did not finish, else 0.
report_test_runs() {
    local log_dir=$1
    shift
    local project log project_passed project_failed names filter status=0 passed=0 failed=0 flaky=()
    # A failed test runs once more, alone in a fresh test host. If that second run passes, the test counts as passed and
    # is listed below as flaky, with its first failure's message; if it fails again, it counts as failed and fails the
    # run. Browser tests see the odd lost Chromium event (a page whose "load" never came, once in a CI run) that a second
    # run does not see again.
    for project in "$@"; do
        log=$(test_log_of "$log_dir" "$project")
        project_passed=$(count_tests Passed "$log") project_failed=$(count_tests Failed "$log")
        # Only a run that finished: a test host that crashed or hung may have left tests unrun, and a retry would hide that.
        if [ "$(cat "$log.rc")" != 0 ] && [ "$project_failed" -gt 0 ] && grep -q '^Test Run Failed\.' "$log" \
            && ! grep -qiE 'test run (was )?aborted|test host process crashed' "$log"; then
            mapfile -t names < <(failed_test_names "$log" | sed -E 's/\(.*$//' | sort -u)
            filter=$(printf 'FullyQualifiedName=%s|' "${names[@]}")
            echo "Running again, once: ${names[*]}"
            if run_test_project "$project" --filter "${filter%|}" > "$log.retry" && [ "$(count_tests Failed "$log.retry")" = 0 ]; then
                mapfile -t -O "${#flaky[@]}" flaky < <(failed_test_names "$log")
                project_passed=$((project_passed + project_failed)) project_failed=0
                echo 0 > "$log.rc"
            fi
        fi
        if [ "$(cat "$log.rc")" != 0 ]; then status=1; fi
        passed=$((passed + project_passed)) failed=$((failed + project_failed))
    done

    # Each failure is repeated here, flaky ones too: its message and the first lines of its stack (at most 25 lines a
    # failure), then one line a failed test, then the totals.
    for project in "$@"; do
        log=$(test_log_of "$log_dir" "$project")
        [ -n "$(failed_test_names "$log")" ] || [ "$(cat "$log.rc")" != 0 ] || continue
        echo "== $project: exit code $(cat "$log.rc")"
        failure_messages "$log" "$log.retry"
        echo "Failed in $project:"
        { failed_test_names "$log"; [ ! -f "$log.retry" ] || failed_test_names "$log.retry" | sed 's/$/ (again, on its second run)/'; } \
            | sed 's/^/  - /'
    done
    if [ "${#flaky[@]}" -gt 0 ]; then
        echo "Flaky: failed once, then passed on a second run (counted as passed):"
        printf '  - %s\n' "${flaky[@]}"
    fi
    echo "$passed passed, $failed failed"
    return "$status"
}

# The sum of a log's "Passed: N" (or "Failed: N") summary lines.
count_tests() { awk -v what="$1" '$1 == what ":" && $2 ~ /^[0-9]+$/ && NF == 2 {sum += $2} END {print sum + 0}' "$2"; }

# A log's failed tests, one a line, as "Namespace.Class.Method" or, for a theory's case, "Namespace.Class.Method(x: 1)".
failed_test_names() { { grep -E '^  Failed ' "$1" || true; } | sed -E 's/^  Failed //; s/ \[[^]]*\]$//'; }

failure_messages() {
    local file
    for file in "$@"; do
        [ ! -f "$file" ] || awk '
            /^  Failed / { shown = 0; inside = 1 }
            /^  (Passed|Skipped) / || /^Test Run / || /^Total tests:/ { inside = 0 }
            inside && shown < 25 { print; shown++ }' "$file"
    done
}
