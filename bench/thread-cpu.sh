#!/usr/bin/env bash
# Where the CPU time of Threadwatch's 'analyze' goes, by thread: its decoding threads, its engine
# (the main thread), the JIT compilers, the garbage collector. Each run is one
# 'java $THREADWATCH_OPTS -jar threadwatch.jar analyze FILE --format json', whose threads'
# CPU time is read from /proc until it exits (io.threadwatch.bench.bigfile.ThreadCpu; Linux only).
# Prints each run, then the median of each group of threads over the runs.
#
#   bench/thread-cpu.sh FILE                          # 5 runs
#   RUNS=9 JAVA_HOME=/path/to/jdk-25 bench/thread-cpu.sh FILE
#   CORES=1 bench/thread-cpu.sh FILE                  # one processor, as big-recording.sh does
#
# FILE: any recording, e.g. the one bench/big-recording.sh generates into bench/target/big-recording/.
# Environment: RUNS (5), THREADWATCH_OPTS ("-Xmx256m"), JAVA_HOME, CORES (unset: all cores; N: the
# JVM sees N processors, -XX:ActiveProcessorCount=N, and runs on the first N CPUs with taskset).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
THREADWATCH_OPTS="${THREADWATCH_OPTS:--Xmx256m}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CORES="${CORES:-}"

(($# == 1)) || { echo "usage: bench/thread-cpu.sh FILE (see the comments at its top)" >&2; exit 2; }
file="$1"
[[ -f $file ]] || { echo "thread-cpu.sh: no such file: $file" >&2; exit 2; }
[[ -d /proc/self/task ]] || { echo "thread-cpu.sh: needs Linux's /proc" >&2; exit 2; }

# shellcheck source=lib.sh
. "$root/bench/lib.sh"
pin_cores thread-cpu.sh "$CORES"
THREADWATCH_OPTS="$THREADWATCH_OPTS${PINNED_OPTS:+ $PINNED_OPTS}"
bench_build analyzer,bench

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
# The jar is copied once: a rebuild of analyzer/ during the runs must not change it between them.
cp "$root/analyzer/target/threadwatch.jar" "$tmp/threadwatch.jar"
classpath="$root/bench/target/classes"

results="$tmp/results.txt"
for ((i = 0; i < RUNS; i++)); do
    out="$tmp/$i.out"
    # The watcher runs outside the pinning, and small (C1 only, serial GC, one read every 100 ms),
    # so that it takes little of the measured JVM's processors.
    # shellcheck disable=SC2086 # the options are words
    "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp "$classpath" io.threadwatch.bench.bigfile.ThreadCpu "${PINNED[@]}" "$JAVA" $THREADWATCH_OPTS \
        -jar "$tmp/threadwatch.jar" analyze "$file" --format json > "$out" 2> "$tmp/$i.err"
    status="$(awk '$1 == "exit" {print $2}' "$out")"
    # analyze exits 1 when it has findings: that is a successful read.
    if [[ $status != 0 && $status != 1 ]]; then
        echo "thread-cpu.sh: analyze failed with exit code $status:" >&2
        cat "$tmp/$i.err" >&2
        exit 1
    fi
    awk -v i="$i" '$1 == "cpu" {print i, $2, $3} $1 == "wall" || $1 == "all" {print i, $1, $2}' "$out" >> "$results"
    awk -v i="$((i + 1))" '$1 == "wall" {w = $2} $1 == "all" {a = $2} $1 == "cpu" && $3 >= 0.05 {t = t sprintf(" %s %s", $2, $3)}
        END {printf "run %d: wall %s s, CPU %s s:%s\n", i, w, a, t}' "$out" >&2
done

echo "thread CPU of analyze on $("$JAVA" -version 2>&1 | head -1): $file ($(($(stat -c %s "$file") >> 20)) MB)"
echo "$RUNS runs, options '$THREADWATCH_OPTS', ${CORES:-$(nproc)} of $(nproc) cores; medians of the runs, in seconds"
printf '%-24s %8s %8s %8s\n' "threads" median min max
for group in wall all $(awk '$2 != "wall" && $2 != "all" {print $2}' "$results" | sort -u); do
    values="$(awk -v g="$group" '$2 == g {print $3}' "$results")"
    # A group seen in only some runs counts 0 in the others.
    missing=$((RUNS - $(wc -l <<< "$values")))
    for ((m = 0; m < missing; m++)); do values+=$'\n0'; done
    med="$(median <<< "$values")"
    if [[ $group == wall || $group == all ]] || awk -v m="$med" 'BEGIN {exit !(m >= 0.05)}'; then
        label="$group"
        [[ $group != wall ]] || label="wall time"
        [[ $group != all ]] || label="CPU, whole process"
        [[ $group != java ]] || label="java (main thread)"
        printf '%-24s %8.2f %8.2f %8.2f\n' "${label//_/ }" "$med" "$(sort -g <<< "$values" | head -1)" "$(sort -g <<< "$values" | tail -1)"
    fi
done
