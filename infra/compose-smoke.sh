#!/usr/bin/env bash
# docker-compose.yml end to end: builds the images (infra/docker.sh app-images), brings the stack up under its own project
# name and ports, posts the signed demo submission (as run.sh does), waits until it is graded, and tears everything down
# (containers, network, volumes) whatever happens. Exit 0 only if the submission was graded.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/env.sh
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41}
# Ports of its own, so it can run beside ./run.sh's servers and the tests.
export GRADER_PG_PORT=${SMOKE_PG_PORT:-24432} GRADER_AMQP_PORT=${SMOKE_AMQP_PORT:-24672}
export GRADER_RABBIT_HTTP_PORT=${SMOKE_RABBIT_HTTP_PORT:-24673} GRADER_API_PORT=${SMOKE_API_PORT:-24080}
SECRET=local-dev-secret
export GRADER_WEBHOOK_SECRET=$SECRET
export GRADER_SESSION_KEY=${GRADER_SESSION_KEY:-$(openssl rand -base64 32)}
URL=http://127.0.0.1:$GRADER_API_PORT
compose=(docker-compose -p grader-smoke -f docker-compose.yml)

if ! command -v docker-compose >/dev/null; then
    [ "$(id -u)" = 0 ] || die "docker-compose is missing (apt-get install docker-compose)"
    apt-get -o DPkg::Lock::Timeout=300 update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends docker-compose \
        || die "apt-get install docker-compose failed"
fi
engine_started=
engine=$(infra/docker.sh start) || exit 1
if [ "$engine" = started ]; then engine_started=1; fi
down() {
    local rc=$?
    [ $rc = 0 ] || "${compose[@]}" logs --no-color --tail 40 api worker-1 2>/dev/null || true
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
    [ -z "$engine_started" ] || infra/docker.sh stop >/dev/null || true
    exit $rc
}
trap down EXIT
infra/docker.sh app-images
require_free_ports "$GRADER_PG_PORT" "$GRADER_AMQP_PORT" "$GRADER_RABBIT_HTTP_PORT" "$GRADER_API_PORT"

clock=$(date +%s)
"${compose[@]}" up -d --quiet-pull 2>&1 | grep -v '^$' || true
for _ in $(seq 1 120); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/health/ready" >/dev/null || die "the API did not become ready"
echo "stack up in $(($(date +%s) - clock)) s: $("${compose[@]}" ps --services | tr '\n' ' ')"

# Signed like an LMS (run.sh): HMAC-SHA256 over "<unix time>.<raw body>" with the source's secret.
answers=$(tr -d '\n' < examples/cs189-dis4.json)
body="{\"externalId\":\"smoke-$(date +%s%N)\",\"course\":\"cs189\",\"assignment\":\"dis4\",\"problemId\":\"cs189-dis4\",\"studentId\":\"smoke-student\",\"answers\":$answers}"
t=$(date +%s)
sig=$(printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')
id=$(curl -s -X POST "$URL/api/v1/submissions" -H 'Content-Type: application/json' \
    -H "Grader-Source: local" -H "Grader-Signature: t=$t,v1=$sig" --data "$body" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$id" ] || die "the signed submission was not accepted"

# Reading it back through the API needs a key; the database in the postgres container says the same without one.
status=
for _ in $(seq 1 60); do
    status=$("${compose[@]}" exec -T postgres psql -U grader -d grader -tAc "select status from submissions where id = '$id'")
    case "$status" in graded|failed) break ;; esac
    sleep 1
done
[ "$status" = graded ] || die "submission $id is '$status', not graded"
score=$("${compose[@]}" exec -T postgres psql -U grader -d grader -tAc \
    "select score || ' / ' || max_score from results where submission_id = '$id' order by graded_at desc limit 1" 2>/dev/null || true)
graded_by=$("${compose[@]}" logs --no-color worker-1 worker-2 2>/dev/null | grep -c "$id" || true)
echo "compose smoke: submission $id graded (${score:-score unread}), in $(($(date +%s) - clock)) s from 'up'; worker log lines naming it: $graded_by"
