#!/usr/bin/env bash
# What recording with threadwatch.jfc costs a busy service, next to the JDK's default settings
# and no recording at all: runs RecordingCostWorkload RUNS times per setting, interleaved, and
# prints the median throughput of each and the median of its ratios to the run without recording
# next to it.
#
#   bench/jfc-cost.sh            # RUNS=7, requests per run from the workload's default
#   RUNS=11 bench/jfc-cost.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-7}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -q -B -f "$root/pom.xml" -pl bench compile
classes="$root/bench/target/classes"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

declare -A flags=(
    [none]=""
    [default]="-XX:StartFlightRecording:settings=default,filename=$tmp/default.jfr"
    [threadwatch]="-XX:StartFlightRecording:settings=$root/threadwatch.jfc,filename=$tmp/threadwatch.jfr"
)
order=(none default threadwatch)
# Runs are interleaved, and each recording is compared with the run without recording next to it:
# the machine's speed drifts between iterations, and pairing keeps that out of the ratios.
for ((i = 1; i <= RUNS; i++)); do
    for setting in "${order[@]}"; do
        # shellcheck disable=SC2086
        "$JAVA" ${flags[$setting]} -cp "$classes" io.threadwatch.bench.RecordingCostWorkload 2>/dev/null \
            | sed -n 's/^requests\/s=\([0-9]*\).*/\1/p' >> "$tmp/$setting.txt"
    done
done
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
printf '%-12s %14s %20s   (%s runs each, %s)\n' setting "requests/s" "vs none (paired)" "$RUNS" \
    "$("$JAVA" -version 2>&1 | head -1)"
for setting in "${order[@]}"; do
    m="$(median < "$tmp/$setting.txt")"
    r="$(paste "$tmp/$setting.txt" "$tmp/none.txt" | awk '{print $1 / $2}' | median)"
    printf '%-12s %14.0f %20.3f\n' "$setting" "$m" "$r"
done
