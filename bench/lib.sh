# Shell functions bench/run and bench/run-citus share (sourced, not run): logging and step times,
# Maven offline first, free ports, Java children and the server they start and stop, the EXIT trap.
# The sourcing script sets work (the run's directory) and jar, and defines pick_ports, which sets
# http_port and base_url (and whatever else its server needs) before each start.

log() { printf '%s [bench] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Step wall times, for the report.
step_started=0
step() { step_started=$(date +%s); log "$1"; current_step=$2; }
step_done() { printf '%s\t%s\n' "$current_step" "$(( $(date +%s) - step_started ))" >> "$work/steps.tsv"; }

# Maven offline first (fast when the local repository has everything), online only when
# offline resolution failed. $1: log file; the rest: Maven's arguments.
maven() {
    local out=$1
    shift
    ./mvnw -o "$@" > "$out" 2>&1 && return 0
    if grep -q 'offline mode' "$out"; then
        log "the local Maven repository lacks something: ./mvnw $* (online)"
        ./mvnw "$@" > "$out" 2>&1 && return 0
    fi
    tail -40 "$out" >&2
    return 1
}

# A free localhost port at or above $1.
free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    echo "$port"
}

# Java children run in the background and are waited for, so that the EXIT trap can stop them
# with SIGTERM (the JVM then stops its embedded PostgreSQL). Never SIGKILL.
child=""
run_java() {
    java "$@" &
    child=$!
    local rc=0
    wait "$child" || rc=$?
    child=""
    return "$rc"
}

server=""
stop_server() {
    [ -n "$server" ] || return 0
    if kill -0 "$server" 2>/dev/null; then
        log "stopping the server (pid $server)"
        kill -TERM "$server" 2>/dev/null || true
        # After a large load PostgreSQL's shutdown checkpoint can take a while.
        for _ in $(seq 1 240); do
            kill -0 "$server" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$server" 2>/dev/null; then
            log "WARNING: the server (pid $server) is still stopping; left to finish on its own"
        fi
    fi
    wait "$server" 2>/dev/null || true
    server=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
        log "stopping pid $child"
        kill -TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    stop_server
    [ "$rc" -eq 0 ] || log "FAILED (exit $rc); logs in $work/"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_server() { # $1: phase name; further arguments: environment
    local phase=$1
    shift
    pick_ports
    env "$@" MICRONAUT_SERVER_PORT="$http_port" java ${JAVA_OPTS:-} -jar "$jar" > "$work/server-$phase.log" 2>&1 &
    server=$!
    log "server ($phase) pid $server on $base_url"
    for _ in $(seq 1 240); do
        if ! kill -0 "$server" 2>/dev/null; then
            tail -40 "$work/server-$phase.log" >&2
            log "the server exited during startup"
            server=""
            exit 1
        fi
        if curl -sf "$base_url/health" 2>/dev/null | grep -q '"status":"UP"'; then
            return 0
        fi
        sleep 0.5
    done
    log "the server did not report UP within 120 s"
    exit 1
}
