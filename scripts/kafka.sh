#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft) for tests and CI, run from Maven Central jars (no Docker).
#
#   scripts/kafka.sh fetch          copy Kafka jars into $KAFKA_HOME/lib (Maven; skipped when present)
#   scripts/kafka.sh start          fetch if needed, format storage, start, wait for "Kafka Server started"
#   scripts/kafka.sh stop [--clean] SIGTERM, up to $KAFKA_STOP_TIMEOUT s, then SIGKILL; --clean wipes data
#   scripts/kafka.sh status         exit 0 when the broker of this $KAFKA_HOME is running
#   scripts/kafka.sh bootstrap      print 127.0.0.1:<port>
#
# Environment (all optional):
#   KAFKA_HOME                <repo>/.kafka   jars, config, data, logs and pid file
#   KAFKA_PORT                19092           PLAINTEXT listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT     19093           KRaft CONTROLLER listener on 127.0.0.1
#   KAFKA_START_TIMEOUT       90              seconds to wait for the broker to report it started
#   KAFKA_STOP_TIMEOUT        30              seconds to wait after SIGTERM before SIGKILL
#   KAFKA_HEAP_OPTS           -Xms256m -Xmx512m
#   MVN                       mvn             Maven executable used by fetch
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$REPO_ROOT/scripts/kafka/pom.xml"

KAFKA_HOME="${KAFKA_HOME:-$REPO_ROOT/.kafka}"
[[ "$KAFKA_HOME" == /* ]] || KAFKA_HOME="$PWD/$KAFKA_HOME"
KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
MVN="${MVN:-mvn}"

LIB_DIR="$KAFKA_HOME/lib"
DATA_DIR="$KAFKA_HOME/data"
CONF_DIR="$KAFKA_HOME/config"
LOG_DIR="$KAFKA_HOME/logs"
SERVER_CONF="$CONF_DIR/server.properties"
LOG4J_CONF="$CONF_DIR/log4j.properties"
TOOLS_LOG4J_CONF="$CONF_DIR/tools-log4j.properties"
SERVER_LOG="$LOG_DIR/server.log"   # log4j output of the broker (truncated at each start)
STDOUT_LOG="$LOG_DIR/kafka.out"    # JVM stdout/stderr (crashes before log4j is up land here)
FETCH_LOG="$KAFKA_HOME/fetch.log"
PID_FILE="$KAFKA_HOME/kafka.pid"
STAMP="$LIB_DIR/.fetched"
STARTED_MARKER="Kafka Server started"

info() { printf 'kafka.sh: %s\n' "$*"; }
err() { printf 'kafka.sh: error: %s\n' "$*" >&2; }
die() {
    err "$*"
    exit 1
}

usage() {
    echo "usage: scripts/kafka.sh {fetch|start|stop [--clean]|status|bootstrap}" >&2
    exit 2
}

require_java() {
    command -v java >/dev/null 2>&1 || die "java not found on PATH (Kafka 3.9 needs Java 11+)"
}

# Print the last lines of a file, indented, to stderr (diagnostics after a failure).
tail_file() {
    local file="$1" lines="${2:-40}"
    [[ -s "$file" ]] || return 0
    echo "----- last $lines lines of $file -----" >&2
    tail -n "$lines" "$file" >&2
    echo "----- end of $file -----" >&2
}

pom_hash() { cksum <"$POM" | tr -s ' ' '-'; }

is_fetched() { [[ -f "$STAMP" && "$(cat "$STAMP")" == "$(pom_hash)" ]]; }

kafka_jar() {
    local jar
    for jar in "$LIB_DIR"/kafka_2.13-*.jar; do
        [[ -e "$jar" ]] && basename "$jar" && return 0
    done
    return 1
}

cmd_fetch() {
    if is_fetched; then
        info "Kafka jars already present in $LIB_DIR ($(kafka_jar || echo '?'))"
        return 0
    fi
    command -v "$MVN" >/dev/null 2>&1 || die "Maven ('$MVN') not found on PATH; it is needed to fetch Kafka"
    mkdir -p "$KAFKA_HOME"
    local tmp="$KAFKA_HOME/lib.tmp.$$" t0=$SECONDS
    rm -rf "$KAFKA_HOME"/lib.tmp.*
    info "fetching Kafka jars from Maven Central into $LIB_DIR"
    if ! "$MVN" -B -q -Dstyle.color=never -f "$POM" "-Dkafka.lib.dir=$tmp" package >"$FETCH_LOG" 2>&1; then
        rm -rf "$tmp"
        err "Maven could not fetch the Kafka jars (full output in $FETCH_LOG)"
        tail_file "$FETCH_LOG" 30
        exit 1
    fi
    pom_hash >"$tmp/.fetched"
    rm -rf "$LIB_DIR"
    mv "$tmp" "$LIB_DIR"
    info "fetched $(find "$LIB_DIR" -name '*.jar' | wc -l | tr -d ' ') jars ($(kafka_jar)) in $((SECONDS - t0)) s"
}

# The broker's command line, or nothing when the pid is not alive.
proc_cmdline() {
    local pid="$1"
    if [[ -r "/proc/$pid/cmdline" ]]; then
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true
    elif command -v ps >/dev/null 2>&1; then
        ps -o args= -p "$pid" 2>/dev/null || true
    fi
}

# A pid is ours if it is alive and runs kafka.Kafka with this KAFKA_HOME's config.
is_our_broker() {
    local pid="$1" cmdline
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    cmdline="$(proc_cmdline "$pid")"
    [[ "$cmdline" == *kafka.Kafka* && "$cmdline" == *"$SERVER_CONF"* ]]
}

# Print the pid of the running broker of this KAFKA_HOME; drop a stale pid file.
running_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(tr -d '[:space:]' <"$PID_FILE")"
    if is_our_broker "$pid"; then
        echo "$pid"
        return 0
    fi
    rm -f "$PID_FILE"
    return 1
}

port_open() {
    local port="$1"
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

has_started() { [[ -f "$SERVER_LOG" ]] && grep -q "$STARTED_MARKER" "$SERVER_LOG"; }

write_configs() {
    mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR"
    cat >"$SERVER_CONF" <<EOF
# Generated by scripts/kafka.sh at each start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=24
EOF
    cat >"$LOG4J_CONF" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$SERVER_LOG
log4j.appender.file.Append=false
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.storage.internals.log.LogCleaner=WARN
EOF
    cat >"$TOOLS_LOG4J_CONF" <<EOF
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

storage_tool() {
    java -Xmx256m "-Dlog4j.configuration=file:$TOOLS_LOG4J_CONF" -cp "$LIB_DIR/*" kafka.tools.StorageTool "$@"
}

format_storage() {
    if [[ -f "$DATA_DIR/meta.properties" ]]; then
        return 0
    fi
    local cluster_id out
    cluster_id="$(storage_tool random-uuid 2>"$LOG_DIR/storage-tool.log")" \
        || { err "StorageTool random-uuid failed"; tail_file "$LOG_DIR/storage-tool.log"; exit 1; }
    if ! out="$(storage_tool format -t "$cluster_id" -c "$SERVER_CONF" --ignore-formatted 2>&1)"; then
        err "StorageTool format failed: $(printf '%s' "$out" | tail -n 1)"
        printf '%s\n' "$out" >"$LOG_DIR/storage-tool.log"
        tail_file "$LOG_DIR/storage-tool.log"
        exit 1
    fi
    info "formatted KRaft storage in $DATA_DIR (cluster id $cluster_id)"
}

# Wait until the broker's log says it started; fail if it dies or the timeout passes.
wait_started() {
    local pid="$1" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if has_started && port_open "$KAFKA_PORT"; then
            return 0
        fi
        if ! is_our_broker "$pid"; then
            rm -f "$PID_FILE"
            err "Kafka broker (pid $pid) exited during startup (logs: $SERVER_LOG, $STDOUT_LOG)"
            tail_file "$STDOUT_LOG" 20
            tail_file "$SERVER_LOG" 40
            exit 1
        fi
        sleep 0.5
    done
    err "Kafka broker (pid $pid) did not log '$STARTED_MARKER' within $KAFKA_START_TIMEOUT s; stopping it (raise KAFKA_START_TIMEOUT if the machine is just slow)"
    tail_file "$STDOUT_LOG" 20
    tail_file "$SERVER_LOG" 40
    cmd_stop >&2
    exit 1
}

cmd_start() {
    local pid t0=$SECONDS
    if pid="$(running_pid)"; then
        if has_started && port_open "$KAFKA_PORT"; then
            info "Kafka broker already running and healthy (pid $pid) on 127.0.0.1:$KAFKA_PORT"
            return 0
        fi
        info "Kafka broker already running (pid $pid) but not ready yet; waiting up to $KAFKA_START_TIMEOUT s"
        wait_started "$pid"
        info "Kafka broker ready (pid $pid) on 127.0.0.1:$KAFKA_PORT"
        return 0
    fi
    require_java
    cmd_fetch
    local port
    for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
        if port_open "$port"; then
            die "port 127.0.0.1:$port is already in use by another process; free it or set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
        fi
    done
    write_configs
    format_storage

    : >"$STDOUT_LOG"
    : >"$SERVER_LOG"
    rm -f "$PID_FILE"
    local -a java_cmd
    # shellcheck disable=SC2206  # KAFKA_HEAP_OPTS is meant to be word-split
    java_cmd=(java $KAFKA_HEAP_OPTS -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20
        -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
        "-Dlog4j.configuration=file:$LOG4J_CONF" "-Dkafka.logs.dir=$LOG_DIR"
        -cp "$LIB_DIR/*" kafka.Kafka "$SERVER_CONF")
    # New session so the broker outlives the calling shell/job and its Ctrl-C; the inner shell records
    # its own pid and then execs java, so the pid file holds the JVM's pid. fd 9 (the lock) is closed.
    local -a detach=()
    command -v setsid >/dev/null 2>&1 && detach=(setsid)
    ${detach[@]+"${detach[@]}"} bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "${java_cmd[@]}" \
        </dev/null >>"$STDOUT_LOG" 2>&1 9>&- &
    local i
    for i in $(seq 1 50); do
        [[ -s "$PID_FILE" ]] && break
        sleep 0.1
    done
    [[ -s "$PID_FILE" ]] || die "Kafka broker process did not start (no pid file at $PID_FILE)"
    pid="$(tr -d '[:space:]' <"$PID_FILE")"
    info "starting Kafka broker (pid $pid) on 127.0.0.1:$KAFKA_PORT; waiting up to $KAFKA_START_TIMEOUT s for '$STARTED_MARKER'"
    wait_started "$pid"
    info "Kafka broker started (pid $pid) on 127.0.0.1:$KAFKA_PORT in $((SECONDS - t0)) s (log: $SERVER_LOG)"
}

cmd_stop() {
    local clean=0 arg
    for arg in "$@"; do
        case "$arg" in
            --clean) clean=1 ;;
            *) usage ;;
        esac
    done
    local pid
    if pid="$(running_pid)"; then
        info "stopping Kafka broker (pid $pid); SIGKILL after $KAFKA_STOP_TIMEOUT s"
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            info "Kafka broker (pid $pid) still running after $KAFKA_STOP_TIMEOUT s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        fi
        rm -f "$PID_FILE"
        info "Kafka broker stopped"
    else
        info "Kafka broker not running"
    fi
    if ((clean)); then
        rm -rf "$DATA_DIR"
        info "deleted data dir $DATA_DIR"
    fi
}

cmd_status() {
    local pid
    if pid="$(running_pid)"; then
        if has_started && port_open "$KAFKA_PORT"; then
            info "Kafka broker running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
        else
            info "Kafka broker running (pid $pid) but not ready on 127.0.0.1:$KAFKA_PORT"
        fi
        return 0
    fi
    info "Kafka broker not running"
    return 1
}

# Serialise fetch/start/stop of one KAFKA_HOME (e.g. two test sessions starting at once).
take_lock() {
    command -v flock >/dev/null 2>&1 || return 0
    mkdir -p "$KAFKA_HOME"
    exec 9>"$KAFKA_HOME/.lock"
    flock -w 600 9 || die "could not lock $KAFKA_HOME/.lock within 600 s (another kafka.sh is stuck?)"
}

main() {
    [[ $# -ge 1 ]] || usage
    local cmd="$1"
    shift
    case "$cmd" in
        fetch | start | stop) take_lock ;;
    esac
    case "$cmd" in
        fetch) [[ $# -eq 0 ]] || usage; cmd_fetch ;;
        start) [[ $# -eq 0 ]] || usage; cmd_start ;;
        stop) cmd_stop "$@" ;;
        status) [[ $# -eq 0 ]] || usage; cmd_status ;;
        bootstrap) [[ $# -eq 0 ]] || usage; echo "127.0.0.1:$KAFKA_PORT" ;;
        -h | --help | help) usage ;;
        *) usage ;;
    esac
}

main "$@"
