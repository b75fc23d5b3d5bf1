#!/usr/bin/env bash
# Runs every test of the solution (README command 2). CI calls this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Grader.sln -c Release --nologo "$@"
