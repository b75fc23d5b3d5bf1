#!/usr/bin/env bash
# README command 2: every test in Grader.sln (unit and integration). Starts the project-local PostgreSQL and RabbitMQ the
# integration tests need (installing them with apt-get when missing, as root) and stops them again if it started them.
set -euo pipefail
cd "$(dirname "$0")"
source infra/env.sh

started=()
infra/postgres.sh status >/dev/null 2>&1 || started+=(postgres)
infra/rabbitmq.sh status >/dev/null 2>&1 || started+=(rabbitmq)
stop_started() { for server in "${started[@]}"; do "infra/$server.sh" stop || true; done; }
trap stop_started EXIT

GRADER_PG_FSYNC=${GRADER_PG_FSYNC:-$([ "${CI:-}" = true ] && echo off || echo on)} infra/postgres.sh start
infra/rabbitmq.sh start

dotnet build Grader.sln -c Release --nologo -v quiet
# A test that hangs for 5 minutes is killed with a dump instead of eating the CI limit.
# One test project after another, not side by side: the integration tests stop and start PostgreSQL and RabbitMQ (the
# outage tests), which would break the worker tests' connections to the same PostgreSQL if they ran at that moment.
log=$(mktemp)
status=0
for project in tests/*/*.csproj; do
    dotnet test "$project" -c Release --no-build --nologo --blame-hang-timeout 5m --logger "console;verbosity=normal" 2>&1 \
        | tee -a "$log" || status=$?
done
# One closing line over every test project, in the plain form CI reads: "N passed, N failed".
passed=$(awk '/^ +Passed: +[0-9]+$/ {sum += $2} END {print sum + 0}' "$log")
failed=$(awk '/^ +Failed: +[0-9]+$/ {sum += $2} END {print sum + 0}' "$log")
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
