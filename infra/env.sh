# Shared settings for the infra scripts: one place for ports and folders, all overridable.
# Sourced, not run. Ports are non-default so a system PostgreSQL/RabbitMQ can run beside ours, and below the kernel's
# ephemeral range (32768–60999 here): an outgoing connection may take any port in that range as its own, and then the
# server cannot bind it (RabbitMQ once failed to rebind 55672 that way).
GRADER_ROOT=${GRADER_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
GRADER_LOCAL=${GRADER_LOCAL:-$GRADER_ROOT/.local}
GRADER_PG_PORT=${GRADER_PG_PORT:-25432}
GRADER_PG_USER=${GRADER_PG_USER:-grader}
GRADER_PG_PASSWORD=${GRADER_PG_PASSWORD:-grader}
GRADER_PG_DATABASE=${GRADER_PG_DATABASE:-grader}
GRADER_AMQP_PORT=${GRADER_AMQP_PORT:-25672}
GRADER_RABBIT_HTTP_PORT=${GRADER_RABBIT_HTTP_PORT:-25673}
GRADER_RABBIT_DIST_PORT=${GRADER_RABBIT_DIST_PORT:-25692}
# The node name follows the AMQP port, so two checkouts on one machine (other ports) can both run their own node.
GRADER_RABBIT_NODE=${GRADER_RABBIT_NODE:-grader-$GRADER_AMQP_PORT@localhost}

die() { echo "error: $*" >&2; exit 1; }

# Fails at once, naming the holder, when a socket already listens on one of the ports, instead of letting a server wait
# out its start timeout. Only a listener counts: a stopped server's connections that linger (FIN-WAIT-2, TIME-WAIT) do
# not stop PostgreSQL or RabbitMQ from binding again (both set SO_REUSEADDR); the ports lie below the ephemeral range, so
# no outgoing connection holds them.
require_free_ports() {
    local port holders
    for port in "$@"; do
        command -v ss >/dev/null || return 0
        holders=$(ss -Htlnp "( sport = :$port )" 2>/dev/null)
        [ -z "$holders" ] || die "port $port is already in use, so the server cannot bind it:$(echo; echo "$holders")
  choose other ports (GRADER_PG_PORT, GRADER_AMQP_PORT, GRADER_RABBIT_HTTP_PORT, GRADER_RABBIT_DIST_PORT) or free it"
    done
}

# The API's Sessions:KeyEncryptionKey (it seals the staff pages' session key ring in the database; required outside
# Development): the environment's if set, else 32 random bytes kept in $GRADER_LOCAL/session-key (mode 600), made once, so
# staff sessions survive a restart of ./run.sh. Production keeps its value in a secret store, as the webhook secrets.
session_key() {
    if [ -n "${Sessions__KeyEncryptionKey:-}" ]; then echo "$Sessions__KeyEncryptionKey"; return; fi
    local file=$GRADER_LOCAL/session-key
    if [ ! -s "$file" ]; then
        mkdir -p "$GRADER_LOCAL"
        (umask 077 && openssl rand -base64 32 > "$file") || die "could not write $file"
    fi
    cat "$file"
}

# As root the servers run as their system users, who may not reach a checkout under /root: use /var/tmp then.
if [ "$(id -u)" = 0 ] && [ -z "${GRADER_LOCAL_CHECKED:-}" ] && ! runuser -u nobody -- test -x "$GRADER_ROOT" 2>/dev/null; then
    GRADER_LOCAL=/var/tmp/grader-local-$(echo "$GRADER_ROOT" | md5sum | cut -c1-8)
    mkdir -p "$GRADER_LOCAL" && chmod 755 "$GRADER_LOCAL"
fi
export GRADER_LOCAL_CHECKED=1 GRADER_LOCAL

# Servers refuse (PostgreSQL) or should not (RabbitMQ) run as root: drop to their system user.
as_user() {
    local user=$1; shift
    if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

apt_install() {
    [ "$(id -u)" = 0 ] || die "$* is missing; run as root (or install it: apt-get install -y $*)"
    command -v apt-get >/dev/null || die "$* is missing and apt-get is not available"
    # policy-rc.d keeps the package from starting a system service we do not use.
    local policy=/usr/sbin/policy-rc.d created=
    if [ ! -e $policy ]; then printf '#!/bin/sh\nexit 101\n' > $policy; chmod +x $policy; created=1; fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
    local rc=$?
    [ -n "$created" ] && rm -f $policy
    [ $rc = 0 ] || die "apt-get install $* failed"
}
