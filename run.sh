#!/usr/bin/env bash
# README command 1: start PostgreSQL and RabbitMQ (project-local, loopback), the API and one worker, post a signed demo
# submission, print its graded result and a signed curl example, then keep serving until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
source infra/env.sh
API_PORT=${GRADER_API_PORT:-5080}
WORKER_HEALTH_PORT=${GRADER_WORKER_HEALTH_PORT:-$((API_PORT + 1))}
WORKER_WAIT=${GRADER_WORKER_WAIT:-180}   # seconds for the worker to start consuming (a busy, fresh machine is slow)
SOURCE=${GRADER_WEBHOOK_SOURCE:-local}
SECRET=${GRADER_WEBHOOK_SECRET:-local-dev-secret}
URL="http://127.0.0.1:$API_PORT"
LOGS=$GRADER_LOCAL/logs

infra/postgres.sh start
infra/rabbitmq.sh start
echo "Building the API and the worker..."
dotnet build src/Grader.Api -c Release --nologo -v quiet -clp:NoSummary
dotnet build src/Grader.Worker -c Release --nologo -v quiet -clp:NoSummary
dotnet build src/Grader.Cli -c Release --nologo -v quiet -clp:NoSummary

export ConnectionStrings__Grader="Host=127.0.0.1;Port=$GRADER_PG_PORT;Database=$GRADER_PG_DATABASE;Username=$GRADER_PG_USER;Password=$GRADER_PG_PASSWORD"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$GRADER_AMQP_PORT RabbitMq__VirtualHost=/
export Problems__Directory="$PWD/problems" Logging__Format=${Logging__Format:-text} DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Production}
export ASPNETCORE_ENVIRONMENT=$DOTNET_ENVIRONMENT
export Sessions__KeyEncryptionKey=$(session_key)   # seals the staff session key ring (infra/env.sh)
mkdir -p "$LOGS"

pids=()
stop_children() {
    trap - INT TERM EXIT
    echo; echo "Stopping the API and the worker (servers keep running: infra/postgres.sh stop; infra/rabbitmq.sh stop)"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true
}
trap stop_children INT TERM EXIT

# Each process runs in its build folder, the content root where its appsettings.json lies.
(cd src/Grader.Api/bin/Release/net10.0 && exec env "Webhooks__Sources__${SOURCE}__Secret=$SECRET" dotnet Grader.Api.dll \
    --urls "$URL") > "$LOGS/api.log" 2>&1 &
pids+=($!)
# The worker serves /health/ready on loopback: ready once PostgreSQL and RabbitMQ answer and its bus consumes.
(cd src/Grader.Worker/bin/Release/net10.0 && exec env "Worker__HealthUrls=http://127.0.0.1:$WORKER_HEALTH_PORT" \
    dotnet Grader.Worker.dll) > "$LOGS/worker.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 60); do
    curl -fs "$URL/health/ready" >/dev/null 2>&1 && break
    kill -0 "${pids[0]}" 2>/dev/null || { tail -30 "$LOGS/api.log"; echo "error: the API exited" >&2; exit 1; }
    sleep 1
done
curl -fs "$URL/health/ready" >/dev/null || { tail -30 "$LOGS/api.log"; echo "error: the API is not ready" >&2; exit 1; }

# Reading results needs an API key: this run makes an admin key (a new one each run; revoke old ones with grader keys).
KEY=$(dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll keys create --role admin --name "run.sh $(date -u +%FT%TZ)" 2>/dev/null)
[ -n "$KEY" ] || { echo "error: could not create an API key" >&2; exit 1; }

# Signs like an LMS: HMAC-SHA256 over "<unix time>.<raw body>" with the source's secret.
post_signed() {
    local body=$1 t sig
    t=$(date +%s)
    sig=$(printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')
    curl -s -X POST "$URL/api/v1/submissions" -H 'Content-Type: application/json' \
        -H "Grader-Source: $SOURCE" -H "Grader-Signature: t=$t,v1=$sig" --data "$body"
}

answers=$(tr -d '\n' < examples/cs189-dis4.json)
body="{\"externalId\":\"demo-$(date +%s%N)\",\"course\":\"cs189\",\"assignment\":\"dis4\",\"problemId\":\"cs189-dis4\",\"studentId\":\"demo-student\",\"answers\":$answers}"
id=$(post_signed "$body" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "error: the demo submission was not accepted" >&2; exit 1; }
worker_exited() { tail -30 "$LOGS/worker.log"; echo "error: the worker exited (log above: $LOGS/worker.log)" >&2; exit 1; }
worker_ready=no
for _ in $(seq 1 "$WORKER_WAIT"); do
    curl -fs "http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready" >/dev/null 2>&1 && { worker_ready=yes; break; }
    kill -0 "${pids[1]}" 2>/dev/null || worker_exited
    sleep 1
done
finished=no
for _ in $(seq 1 30); do
    result=$(curl -fs -H "Authorization: Bearer $KEY" "$URL/api/v1/submissions/$id")
    case "$result" in *'"status":"graded"'*|*'"status":"failed"'*) finished=yes; break ;; esac
    kill -0 "${pids[1]}" 2>/dev/null || worker_exited
    sleep 1
done

cat <<INFO

Grader is running.
  Dashboard: $URL/   (the staff pages: sign in with the admin key below, or an instructor key)
  API:       $URL   (OpenAPI: $URL/openapi/v1.json, readiness: $URL/health/ready)
  Logs:      $LOGS/api.log, $LOGS/worker.log
  Source:    $SOURCE   secret: $SECRET   (set GRADER_WEBHOOK_SOURCE / GRADER_WEBHOOK_SECRET to change)
  Admin key: $KEY
             (instructor keys: dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll keys create --role instructor --course cs189)

Demo submission $id (examples/cs189-dis4.json):
$result
$(if [ $finished = no ]; then
    if [ $worker_ready = no ]; then
        echo "  NOT GRADED YET: the worker is running but not consuming after ${WORKER_WAIT}s (readiness:"
        echo "  http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready; log: $LOGS/worker.log). It is graded once the worker starts."
    else
        echo "  NOT GRADED YET: the worker is consuming but has not finished it; see $LOGS/worker.log."
    fi
fi)

Post your own signed submission:
  SECRET='$SECRET'
  BODY='{"externalId":"my-1","course":"cs189","assignment":"dis4","problemId":"cs189-dis4","studentId":"s1","answers":{"3b":233}}'
  T=\$(date +%s); SIG=\$(printf '%s.%s' "\$T" "\$BODY" | openssl dgst -sha256 -hmac "\$SECRET" -hex | sed 's/^.* //')
  curl -i -X POST $URL/api/v1/submissions -H 'Content-Type: application/json' \\
       -H 'Grader-Source: $SOURCE' -H "Grader-Signature: t=\$T,v1=\$SIG" --data "\$BODY"
  curl -s -H 'Authorization: Bearer $KEY' $URL/api/v1/submissions/<id from the Location header>
  curl -s -H 'Authorization: Bearer $KEY' $URL/api/v1/courses/cs189/assignments/dis4/summary

Or with the CLI, which signs, posts and (--wait, with a key) reads the grade back:
  export GRADER_API_KEY=$KEY
  dotnet src/Grader.Cli/bin/Release/net10.0/grader.dll submit cs189-dis4 examples/cs189-dis4.json --course cs189 --assignment dis4 --student s2 --wait

Ctrl-C stops the API and the worker.
INFO
wait "${pids[@]}"
