#!/usr/bin/env bash
# The main job (README command 1): validate the problem catalog, print every computed reference answer,
# then grade the example submissions in examples/ with the offline grader.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Grader.Cli -c Release --nologo -v quiet
grader() { dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll "$@"; }
grader check problems/
for answers in examples/*.json; do
  problem=$(basename "$answers" .json)
  problem=${problem%%.*}
  echo
  echo "== grader grade $problem $answers"
  grader grade "$problem" "$answers"
done
