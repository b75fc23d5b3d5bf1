#!/usr/bin/env bash
# Docker engine and local images for the integration tests and docker-compose:
#   install-if-missing | start | stop | images | app-images | clean | status
# images: the base and the two server images (the tests need these); app-images: also the .NET runtime image and the
# API and worker images from `dotnet publish` (docker-compose.yml runs these).
# Every command is idempotent. No image is pulled from a registry: the base is debootstrapped from the machine's Debian
# mirror and imported, the server images install Debian's postgresql-15 and rabbitmq-server on it.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

DOCKER_DIR=$GRADER_ROOT/infra/docker
DOCKER_DATA=${GRADER_DOCKER_DATA:-/var/lib/docker}
DOCKER_LOG=${GRADER_DOCKER_LOG:-/var/log/grader-dockerd.log}
DOCKER_PIDFILE=/var/run/grader-dockerd.pid
DEBIAN_SUITE=bookworm
# Testcontainers 4.17 asks for API 1.44; Debian's engine (20.10) speaks 1.41.
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41}

debian_mirror() {
    local uri
    uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1)
    [ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -1)
    echo "${uri:-http://deb.debian.org/debian}"
}

install_if_missing() {
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    [ ${#missing[@]} = 0 ] && return 0
    [ "$(id -u)" = 0 ] || die "${missing[*]} missing; run as root (or: apt-get install -y ${missing[*]})"
    echo "installing ${missing[*]} with apt-get"
    local policy=/usr/sbin/policy-rc.d created=
    if [ ! -e $policy ]; then printf '#!/bin/sh\nexit 101\n' > $policy; chmod +x $policy; created=1; fi
    apt-get -o DPkg::Lock::Timeout=300 update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
    local rc=$?
    [ -n "$created" ] && rm -f $policy
    [ $rc = 0 ] || die "apt-get install ${missing[*]} failed"
}

is_running() { docker version >/dev/null 2>&1; }

# Prints "started" when this call started the daemon (test.sh stops only what it started).
start() {
    install_if_missing
    if is_running; then return 0; fi
    [ "$(id -u)" = 0 ] || die "the Docker engine is not running and only root can start it"
    # No systemd on these machines: run dockerd by hand, in its own session so it outlives the caller's job control.
    setsid dockerd --data-root "$DOCKER_DATA" --pidfile "$DOCKER_PIDFILE" >>"$DOCKER_LOG" 2>&1 < /dev/null &
    local i
    for i in $(seq 1 60); do
        is_running && { echo started; return 0; }
        kill -0 $! 2>/dev/null || die "dockerd exited; last lines of $DOCKER_LOG:$(echo; tail -20 "$DOCKER_LOG")"
        sleep 0.5
    done
    die "dockerd not ready after 30 s; see $DOCKER_LOG"
}

# Stops a daemon started by start (pidfile) and waits for it, so no container, mount or process is left.
stop() {
    [ -f "$DOCKER_PIDFILE" ] || { echo "dockerd not started by docker.sh"; return 0; }
    local pid; pid=$(cat "$DOCKER_PIDFILE")
    clean
    kill -TERM "$pid" 2>/dev/null || { rm -f "$DOCKER_PIDFILE"; return 0; }
    local i
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && die "dockerd ($pid) did not stop in 30 s"
    # containerd is dockerd's child and goes with it; wait for any that outlived it.
    for i in $(seq 1 20); do pgrep -f "containerd --config /var/run/docker/containerd" >/dev/null || break; sleep 0.5; done
    rm -f "$DOCKER_PIDFILE"
    echo "dockerd stopped"
}

# Removes the containers Testcontainers left (Ryuk, its reaper, cannot run here: no image can be pulled).
clean() {
    is_running || return 0
    local ids; ids=$(docker ps -aq --filter label=org.testcontainers=true)
    [ -z "$ids" ] || docker rm -fv $ids >/dev/null
}

content_tag() { (cd "$DOCKER_DIR/$1" && cat $(ls | sort)) | sha256sum | cut -c1-12; }

base_image() {
    local tag=grader-debian:$DEBIAN_SUITE
    docker image inspect "$tag" >/dev/null 2>&1 && return 0
    command -v debootstrap >/dev/null || install_if_missing
    local rootfs; rootfs=$(mktemp -d /var/tmp/grader-rootfs.XXXXXX)
    echo "building $tag with debootstrap from $(debian_mirror) (2–3 minutes)"
    debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$(debian_mirror)" >"$rootfs.log" 2>&1 \
        || { rm -rf "$rootfs"; die "debootstrap failed, see $rootfs.log"; }
    # Slim it: no apt lists or caches in the layer every image starts from.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" -c . | docker import - "$tag" >/dev/null || { rm -rf "$rootfs"; die "docker import failed"; }
    rm -rf "$rootfs" "$rootfs.log"
}

# Builds infra/docker/<name>/ as grader-<name>:<content hash> and points grader-<name>:local at it.
server_image() {
    local name=$1 hash; hash=$(content_tag "$name")
    if ! docker image inspect "grader-$name:$hash" >/dev/null 2>&1; then
        echo "building grader-$name:$hash"
        docker build -q -t "grader-$name:$hash" "$DOCKER_DIR/$name" >/dev/null 2>/tmp/grader-build-$name.log \
            || { cat /tmp/grader-build-$name.log >&2; die "docker build of grader-$name failed"; }
        rm -f /tmp/grader-build-$name.log
    fi
    docker tag "grader-$name:$hash" "grader-$name:local"
}

# The host's .NET runtime (the version the SDK publishes for) goes into the image: no image can be pulled.
dotnet_image() {
    local dotnet_root shared runtimes hash context
    dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    shared=$dotnet_root/shared
    runtimes=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" || $1 == "Microsoft.AspNetCore.App"' | sort -V | tail -2)
    hash=$( (content_tag dotnet; echo "$runtimes") | sha256sum | cut -c1-12)
    if ! docker image inspect "grader-dotnet:$hash" >/dev/null 2>&1; then
        echo "building grader-dotnet:$hash"
        context=$(mktemp -d /var/tmp/grader-dotnet.XXXXXX)
        mkdir -p "$context/dotnet/shared"
        cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$context/dotnet/"
        local name version
        while read -r name version _; do
            mkdir -p "$context/dotnet/shared/$name"
            cp -a "$shared/$name/$version" "$context/dotnet/shared/$name/"
        done <<< "$runtimes"
        docker build -q -t "grader-dotnet:$hash" -f "$DOCKER_DIR/dotnet/Dockerfile" "$context" >/dev/null 2>"$context.log" \
            || { cat "$context.log" >&2; rm -rf "$context" "$context.log"; die "docker build of grader-dotnet failed"; }
        rm -rf "$context" "$context.log"
    fi
    docker tag "grader-dotnet:$hash" grader-dotnet:local
}

# grader-api:local and grader-worker:local from a fresh `dotnet publish` (Release) of this checkout.
app_image() {
    local name=$1 project=$2 context
    context=$(mktemp -d /var/tmp/grader-$name.XXXXXX)
    echo "publishing $project and building grader-$name:local"
    dotnet publish "$GRADER_ROOT/src/$project" -c Release -o "$context/app" --nologo -v quiet >"$context.log" 2>&1 \
        || { cat "$context.log" >&2; rm -rf "$context" "$context.log"; die "dotnet publish $project failed"; }
    cp -a "$GRADER_ROOT/problems" "$context/problems"
    docker build -q -t "grader-$name:local" -f "$DOCKER_DIR/$name/Dockerfile" "$context" >/dev/null 2>"$context.log" \
        || { cat "$context.log" >&2; rm -rf "$context" "$context.log"; die "docker build of grader-$name failed"; }
    rm -rf "$context" "$context.log"
}

app_images() {
    images
    dotnet_image
    app_image api Grader.Api
    app_image worker Grader.Worker
}

images() {
    start >/dev/null
    base_image
    server_image postgres
    server_image rabbitmq
}

status() {
    if is_running; then docker version --format 'engine {{.Server.Version}} (API {{.Server.APIVersion}})'
    else echo "engine not running"; return 3; fi
    docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^grader-' || true
}

case "${1:-}" in
    install-if-missing) install_if_missing ;;
    start) start ;;
    stop) stop ;;
    images) images ;;
    app-images) app_images ;;
    clean) clean ;;
    status) status ;;
    *) echo "usage: $0 install-if-missing|start|stop|images|app-images|clean|status" >&2; exit 2 ;;
esac
