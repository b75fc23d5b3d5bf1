#!/usr/bin/env bash
# Service throughput baseline: run ./run.sh in another terminal first, then `bench/load.sh [count] [concurrency] [options]`.
# Options go to Grader.Bench: --problem ID (one problem only), --students N (submissions spread over N students).
# Prints submissions accepted/s (webhook intake) and graded/s (first receipt to last grade, one worker).
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
dotnet build bench/Grader.Bench -c Release --nologo -v quiet -clp:NoSummary
dotnet bench/Grader.Bench/bin/Release/net10.0/Grader.Bench.dll \
    --url "http://127.0.0.1:${GRADER_API_PORT:-5080}" --source "${GRADER_WEBHOOK_SOURCE:-local}" \
    --secret "${GRADER_WEBHOOK_SECRET:-local-dev-secret}" --count "${1:-2000}" --concurrency "${2:-16}" "${@:3}" \
    --connection "Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$GRADER_PG_DATABASE;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
