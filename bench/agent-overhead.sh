#!/usr/bin/env bash
# What the Threadwatch java agent costs a service, next to the JDK's default recording and no JFR
# at all: runs a loopback HTTP service (io.threadwatch.bench.overhead.LoopbackService) under a
# closed-loop load from another JVM, ITERATIONS times in each mode, and prints per mode the medians
# of throughput, p99 latency, the service's CPU time and heap allocation per 1000 requests, and the
# median of each mode's per-iteration ratios to the run without JFR.
#
#   bench/agent-overhead.sh                         # 5 iterations, 10 s warm-up, 20 s measured
#   ITERATIONS=9 DURATION=30 bench/agent-overhead.sh
#   JAVA_HOME=/path/to/jdk-25 bench/agent-overhead.sh
#   AGENT_OPTIONS=thread-dump-period=60s bench/agent-overhead.sh   # the agent with options of its own
#
# About ITERATIONS x 3 x (WARMUP + DURATION + 2) seconds, plus the build: 8 to 9 minutes with defaults.
# Environment: ITERATIONS (5), DURATION (measured seconds per run, 20), WARMUP (seconds, 10; covers
# the agent's JFR start-up, which is checked), CLIENTS (16), SERVICE_OPTS, LOAD_OPTS, JAVA_HOME,
# AGENT_OPTIONS (comma-separated key=value options added to the agent's, as -javaagent takes them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITERATIONS="${ITERATIONS:-5}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
CLIENTS="${CLIENTS:-16}"
AGENT_OPTIONS="${AGENT_OPTIONS:-}"
# A fixed heap, so that no mode is measured while the heap is still growing.
SERVICE_OPTS="${SERVICE_OPTS:--Xms512m -Xmx512m}"
# The load generator allocates little; Serial GC keeps its GC threads off the cores the service needs.
LOAD_OPTS="${LOAD_OPTS:--Xmx128m -XX:+UseSerialGC}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PHASE_STARTED='loopback service: measured phase started'
AGENT_STARTED='threadwatch agent: watching this JVM'

# shellcheck source=lib.sh
. "$root/bench/lib.sh"
bench_build recorder,bench

tmp="$(mktemp -d)"
service=""
load=""
cleanup() {
    local status=$?
    # Only a failed or interrupted run leaves these set; its output is kept, so no need to wait.
    for pid in $load $service; do
        kill "$pid" 2>/dev/null || true
    done
    if ((status == 0)); then
        rm -rf "$tmp"
    else
        echo "agent-overhead.sh: kept the runs' output in $tmp" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The agent jar is copied once: a rebuild of recorder/ during the benchmark must not change it
# between runs, nor be read half-written.
agent="$tmp/threadwatch-agent.jar"
cp "$root/recorder/target/threadwatch-agent.jar" "$agent"
classpath="$root/bench/target/classes:$root/bench/target/dependency/*"
results="$tmp/results.txt"

# The 1-minute load average after a run, to compare between runs: on a shared machine, what else
# ran explains most of the spread between iterations.
machine_load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'; }

fail() {
    echo "agent-overhead.sh: $1; the service's standard error:" >&2
    cat "$2/service.err" >&2
    exit 1
}

# One run: start the service in a mode, wait for its port, run the load against it, stop it, and
# append "iteration mode requests/s p99_ms cpu_s_per_1000 alloc_mb_per_1000 errors" to the results.
run() {
    local iteration=$1 mode=$2 dir="$tmp/$1-$2" port="" flags=() tries
    mkdir -p "$dir"
    case "$mode" in
        none) ;;
        default) flags=("-XX:StartFlightRecording:settings=default,filename=$dir/default.jfr,dumponexit=true") ;;
        threadwatch) flags=("-javaagent:$agent=output=$dir/threadwatch${AGENT_OPTIONS:+,$AGENT_OPTIONS}") ;;
    esac
    # shellcheck disable=SC2086 # the options are words
    "$JAVA" $SERVICE_OPTS ${flags[@]+"${flags[@]}"} -cp "$classpath" io.threadwatch.bench.overhead.LoopbackService \
        > "$dir/service.out" 2> "$dir/service.err" &
    service=$!
    for ((tries = 0; tries < 300; tries++)); do
        [[ -z $port ]] || break
        kill -0 "$service" 2>/dev/null || fail "the service ($mode) exited before listening" "$dir"
        sleep 0.1
        port="$(sed -n 's/^port=//p' "$dir/service.out")"
    done
    [[ -n $port ]] || fail "the service ($mode) did not listen within 30 s" "$dir"
    # shellcheck disable=SC2086
    "$JAVA" $LOAD_OPTS -cp "$classpath" io.threadwatch.bench.overhead.LoadGenerator "$port" "$WARMUP" "$DURATION" "$CLIENTS" \
        > "$dir/load.out" 2> "$dir/load.err" &
    load=$!
    if ! wait "$load"; then
        load=""
        cat "$dir/load.err" >&2
        fail "the load generator failed ($mode)" "$dir"
    fi
    load=""
    kill "$service"
    wait "$service" 2>/dev/null || true # killed: 143
    service=""
    if [[ $mode == threadwatch ]]; then
        # The agent starts JFR on its own thread while the service already runs: the warm-up must cover it.
        local started phase
        started="$(grep -n -m1 "^$AGENT_STARTED" "$dir/service.err" | cut -d: -f1 || true)"
        phase="$(grep -n -m1 "^$PHASE_STARTED" "$dir/service.err" | cut -d: -f1 || true)"
        if [[ -z $started || -z $phase || $started -gt $phase ]]; then
            fail "the agent was not watching when the measured phase started (raise WARMUP)" "$dir"
        fi
    fi
    # Evidence captures (a finding fired) cost a thread dump and a recording snapshot: worth knowing.
    local captures=0
    if [[ -d $dir/threadwatch ]]; then
        captures="$(find "$dir/threadwatch" -type f ! -name '*.jsonl' | wc -l)"
    fi
    awk -v iteration="$iteration" -v mode="$mode" '{
            for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
            printf "%d %s %s %s %.6f %.6f %d\n", iteration, mode, v["requests/s"], v["p99_ms"],
                v["server_cpu_s"] * 1000 / v["server_requests"],
                v["server_allocated_bytes"] / 1e6 * 1000 / v["server_requests"], v["errors"]
        }' "$dir/load.out" | tee -a "$results" | awk -v captures="$captures" -v load="$(machine_load)" '{
            printf "  %-11s %9.0f requests/s  p99 %7.3f ms  CPU %.4f s/1k  alloc %6.2f MB/1k  load %s%s%s\n",
                $2, $3, $4, $5, $6, load, (captures > 0 ? "  evidence files: " captures : ""),
                ($7 > 0 ? "  ERRORS: " $7 : "")
        }' >&2
}

modes=(none default threadwatch)
label() {
    case "$1" in
        none) echo "no JFR" ;;
        default) echo "JFR default" ;;
        threadwatch) echo "threadwatch agent" ;;
    esac
}
echo "agent-overhead.sh: $ITERATIONS iterations x ${#modes[@]} modes x (${WARMUP} s warm-up + ${DURATION} s measured)" >&2
# Each iteration runs every mode once, in an order rotated by one each time, and each mode is
# compared with the run without JFR of its own iteration: the machine's speed drifts between
# iterations, and pairing keeps that drift out of the ratios; rotation keeps any "first run" or
# "after the agent" effect from always landing on the same mode.
for ((i = 0; i < ITERATIONS; i++)); do
    echo "iteration $((i + 1))/$ITERATIONS" >&2
    for ((j = 0; j < ${#modes[@]}; j++)); do
        run "$i" "${modes[(i + j) % ${#modes[@]}]}"
    done
done

errors="$(awk '{e += $7} END {print e + 0}' "$results")"

echo "agent overhead on $("$JAVA" -version 2>&1 | head -1): $ITERATIONS iterations of $DURATION s measured" \
    "after $WARMUP s warm-up, $CLIENTS clients, $(nproc 2>/dev/null || echo '?') cores"
[[ -z $AGENT_OPTIONS ]] || echo "the agent's options: output=...,$AGENT_OPTIONS"
echo "per mode: medians of its $ITERATIONS runs | vs no JFR: medians of its $ITERATIONS per-iteration ratios to the run without JFR"
printf '%-18s %10s %9s %13s %16s | %10s %7s %7s %7s\n' mode requests/s "p99 ms" "CPU s/1k req" "alloc MB/1k req" \
    requests/s p99 CPU alloc
for mode in "${modes[@]}"; do
    printf '%-18s %10.0f %9.3f %13.4f %16.2f | %10.3f %7.3f %7.3f %7.3f\n' "$(label "$mode")" \
        "$(column "$results" "$mode" 3 | median)" "$(column "$results" "$mode" 4 | median)" \
        "$(column "$results" "$mode" 5 | median)" "$(column "$results" "$mode" 6 | median)" \
        "$(ratios "$results" "$mode" none 3 | median)" "$(ratios "$results" "$mode" none 4 | median)" \
        "$(ratios "$results" "$mode" none 5 | median)" "$(ratios "$results" "$mode" none 6 | median)"
done
if ((errors > 0)); then
    echo "WARNING: $errors requests failed during measured phases; see the per-run lines above" >&2
fi
