#!/usr/bin/env bash
# Measures how soon the agent, with its default options (20 s windows), reports a thread leak of
# one thread every EVERY milliseconds: the time from the first leaked thread to the end of the
# window in which the thread-leak finding fired. The app leaks from one site and does nothing else
# (recorder/src/test/java/io/threadwatch/fixtures/SteadyLeakApp.java).
#
#   bench/leak-detection-time.sh            a fast leak: one thread every 2 s, 200 s
#   EVERY=240000 DURATION=4800 RUNS=1 bench/leak-detection-time.sh
#                                           a slow leak: 15 threads an hour, 80 minutes
#
# Environment: JAVA_HOME selects the JDK (default: java on PATH); RUNS (default 3); EVERY
# (milliseconds between leaked threads, default 2000); DURATION (seconds the app leaks, default 200);
# KEEP (a directory that keeps each run's agent output; by default it is deleted).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-200}"
EVERY="${EVERY:-2000}"

# shellcheck source=lib.sh
. "$root/bench/lib.sh"
bench_build recorder
if [ -n "${KEEP:-}" ]; then
    work="$KEEP" # the agent's output of each run stays there, to read
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

echo "JDK: $("$java" -version 2>&1 | head -1); a thread every $EVERY ms for $DURATION s"
echo "run  first leak                fired (window end)        latency"
for run in $(seq 1 "$RUNS"); do
    out="$work/run-$run"
    mkdir -p "$out"
    "$java" "-javaagent:$root/recorder/target/threadwatch-agent.jar=output=$out" \
        -cp "$root/recorder/target/test-classes" io.threadwatch.fixtures.SteadyLeakApp \
        --every "$EVERY" --duration "$DURATION" > "$out/app.log" 2>&1
    first="$(sed -n 's/^first leak at //p' "$out/app.log")"
    fired="$(grep '"state":"fired"' "$out/threadwatch.jsonl" | grep '"kind":"thread-leak"' | head -1 \
        | sed 's/.*"state":"fired","time":"\([^"]*\)".*/\1/' || true)"
    if [ -z "$fired" ]; then
        printf '%-4s %-25s %-25s %s\n' "$run" "$first" "-" "not reported within ${DURATION} s"
        continue
    fi
    latency=$(( $(date -d "$fired" +%s%3N) - $(date -d "$first" +%s%3N) ))
    printf '%-4s %-25s %-25s %d.%03d s\n' "$run" "$first" "$fired" $((latency / 1000)) $((latency % 1000))
done
