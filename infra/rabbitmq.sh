#!/usr/bin/env bash
# Local RabbitMQ for Grader: install-if-missing | start | stop | status | ctl <rabbitmqctl args>.
# Own node ($GRADER_RABBIT_NODE) with data in $GRADER_LOCAL/rabbitmq, AMQP on 127.0.0.1:$GRADER_AMQP_PORT and
# the management API (used by tests to create a vhost per run) on 127.0.0.1:$GRADER_RABBIT_HTTP_PORT.
# A system RabbitMQ may run beside it: the node name and every port differ.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

RMQ_DIR=$GRADER_LOCAL/rabbitmq
RMQ_LIB=/usr/lib/rabbitmq/bin

run_user() { if [ "$(id -u)" = 0 ]; then echo rabbitmq; else id -un; fi; }

# rabbitmq-server and rabbitmqctl read everything from the environment; the cookie lives in $HOME.
RABBIT_ENV=(HOME="$RMQ_DIR"
    RABBITMQ_NODENAME="$GRADER_RABBIT_NODE"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$GRADER_AMQP_PORT"
    RABBITMQ_DIST_PORT="$GRADER_RABBIT_DIST_PORT"
    RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
    RABBITMQ_LOG_BASE="$RMQ_DIR/log"
    RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
    RABBITMQ_PID_FILE="$RMQ_DIR/rabbit.pid"
    ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}")

install_if_missing() {
    [ -x "$RMQ_LIB/rabbitmq-server" ] && return 0
    echo "RabbitMQ not found: installing it with apt-get"
    apt_install rabbitmq-server
    [ -x "$RMQ_LIB/rabbitmq-server" ] || die "RabbitMQ still not found after apt-get install"
}


run_ctl() { (cd "$RMQ_DIR" && as_user "$(run_user)" env "${RABBIT_ENV[@]}" "$RMQ_LIB/rabbitmqctl" "$@"); }

is_running() { [ -d "$RMQ_DIR" ] && run_ctl -q ping >/dev/null 2>&1; }

write_config() {
    cat > "$RMQ_DIR/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$GRADER_AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $GRADER_RABBIT_HTTP_PORT
# A development disk may be nearly full; do not block publishers at the 50 MB default either way.
disk_free_limit.absolute = 20MB
log.console = false
log.file.level = warning
CONF
    echo "[rabbitmq_management]." > "$RMQ_DIR/enabled_plugins"
}

start() {
    install_if_missing
    if is_running; then echo "RabbitMQ already running on 127.0.0.1:$GRADER_AMQP_PORT"; return 0; fi
    require_free_ports "$GRADER_AMQP_PORT" "$GRADER_RABBIT_HTTP_PORT" "$GRADER_RABBIT_DIST_PORT"
    local user; user=$(run_user)
    mkdir -p "$RMQ_DIR/log" "$RMQ_DIR/mnesia"
    write_config
    [ "$(id -u)" = 0 ] && chown -R "$user" "$RMQ_DIR"
    local log_start; log_start=$(($(stat -c %s "$RMQ_DIR/server.log" 2>/dev/null || echo 0) + 1))
    (cd "$RMQ_DIR" && as_user "$user" setsid env "${RABBIT_ENV[@]}" "$RMQ_LIB/rabbitmq-server" \
        >>"$RMQ_DIR/server.log" 2>&1 < /dev/null &)
    local i
    for i in $(seq 1 90); do
        # A node that cannot bind a port (or otherwise gave up) says so in its console log and exits: stop waiting.
        if tail -c +"$log_start" "$RMQ_DIR/server.log" 2>/dev/null | grep -qiE 'eaddrinuse|BOOT FAILED'; then
            die "RabbitMQ failed to start:$(echo; tail -c +"$log_start" "$RMQ_DIR/server.log" | grep -iE -m5 -A3 'eaddrinuse|BOOT FAILED|error')"
        fi
        if run_ctl -q await_startup --timeout 2 >/dev/null 2>&1; then
            echo "RabbitMQ running on 127.0.0.1:$GRADER_AMQP_PORT (management 127.0.0.1:$GRADER_RABBIT_HTTP_PORT, data in $RMQ_DIR)"
            return 0
        fi
        sleep 1
    done
    die "RabbitMQ did not start within 90 s; see $RMQ_DIR/server.log and $RMQ_DIR/log/"
}

stop() {
    if ! is_running; then echo "RabbitMQ not running"; return 0; fi
    run_ctl -q stop >/dev/null || die "RabbitMQ did not stop"
    echo "RabbitMQ stopped"
}

status() {
    if is_running; then echo "RabbitMQ running on 127.0.0.1:$GRADER_AMQP_PORT"; else echo "RabbitMQ not running"; return 3; fi
}

case "${1:-}" in
    install-if-missing) install_if_missing ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    ctl) shift; run_ctl "$@" ;;
    *) echo "usage: $0 install-if-missing|start|stop|status|ctl <rabbitmqctl args>" >&2; exit 2 ;;
esac
