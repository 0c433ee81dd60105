#!/usr/bin/env bash
# Records the sample services under JFR and writes, for each recording, the findings the
# analyzer must report for it.
#
#   samples/record.sh                 every app, every variant
#   samples/record.sh leaky-pool      one app (several may be named), every variant
#   samples/record.sh --expected-only [app ...]
#                                     only rewrite the .expected.json files (no build, no recording)
#
# Output: samples/recordings/<app>.<variant>.jfr.gz and <app>.<variant>.expected.json.
# Variants:
#   default-jdk17      JDK 17, settings=default
#   profile-jdk17      JDK 17, settings=profile
#   threadwatch-jdk25  JDK 25, settings=<repo>/threadwatch.jfc (thread dumps every 10 s)
# Environment: JAVA17_HOME, JAVA25_HOME (JDK locations), DURATION (seconds, default 40),
# VARIANTS (a space-separated subset of the variants above),
# PARALLEL (recordings at once, default 2: the build machine has 2 cores and each recording
# runs two JVMs; more makes the timing-sensitive samples unreliable).
set -euo pipefail

samples_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$samples_dir/.." && pwd)"
JAVA17_HOME="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DURATION="${DURATION:-40}"
PARALLEL="${PARALLEL:-2}"
out_dir="$samples_dir/recordings"
work_dir="$samples_dir/target/recording-work"

pkg=io.threadwatch.samples

# app | main class | expected findings ("kind site" separated by ";", sorted by kind; empty = none)
APPS="
thread-per-request|$pkg.threadperrequest.ThreadPerRequestServer|creation-storm $pkg.threadperrequest.ThreadPerRequestServer.acceptLoop
scheduler-leak|$pkg.schedulerleak.ConfigService|thread-leak $pkg.schedulerleak.ConfigReloader.reload
silent-clients|$pkg.silentclients.TelemetryServer|blocked-forever $pkg.silentclients.DeviceHandler.readRecord
leaky-pool|$pkg.leakypool.OrderServer|blocked-forever $pkg.leakypool.ConnectionPool.borrow;long-blocking $pkg.leakypool.ConnectionPool.borrow
future-get|$pkg.futureget.QuoteServer|blocked-forever $pkg.futureget.QuoteHandler.handle
hot-lock|$pkg.hotlock.CheckoutService|contention $pkg.hotlock.AuditLog.append
deadlock|$pkg.deadlock.BankService|deadlock $pkg.deadlock.Bank.transfer
idle-pool|$pkg.idlepool.InventoryServer|
warmup-pool|$pkg.warmuppool.ThumbnailService|
bursty-cached-pool|$pkg.burstycachedpool.ReportService|
"
ALL_VARIANTS="default-jdk17 profile-jdk17 threadwatch-jdk25"
VARIANTS="${VARIANTS:-$ALL_VARIANTS}"

# variant | finding kinds its settings cannot show | why (becomes the expectation's "note")
# The findings table above is about the apps; this one is about the recordings. A kind listed
# here is left out of that variant's expected findings, listed under "notAssessed" (the report
# must name it in a limitation), and the note says why.
LIMITS="
profile-jdk17|blocked-forever deadlock|settings=profile takes a jdk.ThreadDump every 60 s, so this 40 s recording holds no thread dump at all, and a wait that never ends produces no event: stuck and deadlocked threads cannot be seen in it.
"

die() {
    echo "record.sh: $*" >&2
    exit 1
}

app_line() {
    local line
    while IFS= read -r line; do
        [[ "${line%%|*}" == "$1" ]] && { echo "$line"; return 0; }
    done <<< "$APPS"
    return 1
}

variant_java_home() {
    case "$1" in
        *-jdk17) echo "$JAVA17_HOME" ;;
        *-jdk25) echo "$JAVA25_HOME" ;;
        *) die "unknown variant '$1'" ;;
    esac
}

variant_settings() {
    case "$1" in
        default-jdk17) echo "default" ;;
        profile-jdk17) echo "profile" ;;
        threadwatch-jdk25) echo "$root/threadwatch.jfc" ;;
        *) die "unknown variant $1" ;;
    esac
}

write_expected() {
    local app="$1" variant="$2" findings="$3" file="$4"
    local entry kind limited="" why="" dropped="" first=1
    while IFS= read -r entry; do
        if [[ -n "$entry" && "${entry%%|*}" == "$variant" ]]; then
            limited="$(cut -d'|' -f2 <<< "$entry")"
            why="$(cut -d'|' -f3 <<< "$entry")"
        fi
    done <<< "$LIMITS"
    {
        printf '{"app": "%s", "variant": "%s",\n "findings": [' "$app" "$variant"
        if [[ -n "$findings" ]]; then
            local IFS=';'
            for entry in $findings; do
                kind="${entry%% *}"
                if [[ " $limited " == *" $kind "* ]]; then
                    dropped="${dropped:+$dropped, }$kind at ${entry#* }"
                    continue
                fi
                [[ $first == 1 ]] || printf ',\n              '
                first=0
                printf '{"kind": "%s", "site": "%s"}' "$kind" "${entry#* }"
            done
        fi
        printf ']'
        if [[ -n "$limited" ]]; then
            # Kinds the report must declare it could not assess (a limitation naming them).
            local quoted="" k IFS=" "
            for k in $limited; do
                quoted="${quoted:+$quoted, }\"$k\""
            done
            printf ',\n "notAssessed": [%s]' "$quoted"
        fi
        [[ -z "$dropped" ]] || printf ',\n "note": "Not expected from this variant: %s. %s"' "$dropped" "$why"
        printf '}\n'
    } > "$file"
}

record() {
    local app="$1" variant="$2" line main findings java_home settings jfr log
    line="$(app_line "$app")"
    main="$(cut -d'|' -f2 <<< "$line")"
    findings="$(cut -d'|' -f3 <<< "$line")"
    java_home="$(variant_java_home "$variant")"
    settings="$(variant_settings "$variant")"
    jfr="$work_dir/$app.$variant.jfr"
    log="$work_dir/$app.$variant.log"
    rm -f "$jfr"
    echo "recording $app.$variant (${DURATION} s)"
    if ! "$java_home/bin/java" \
            "-XX:StartFlightRecording:name=threadwatch-sample,settings=$settings,filename=$jfr,dumponexit=true" \
            -cp "$samples_dir/target/classes" "$main" --duration "$DURATION" > "$log" 2>&1; then
        echo "record.sh: $app.$variant: the service failed, see $log" >&2
        return 1
    fi
    # A recording cut short by the exit would fail here (jfr summary reads every chunk header).
    if ! "$java_home/bin/jfr" summary "$jfr" > "$work_dir/$app.$variant.summary" 2>&1; then
        echo "record.sh: $app.$variant: unreadable recording, see $work_dir/$app.$variant.summary" >&2
        return 1
    fi
    gzip -9 -n -c "$jfr" > "$out_dir/$app.$variant.jfr.gz"
    write_expected "$app" "$variant" "$findings" "$out_dir/$app.$variant.expected.json"
    echo "recorded  $app.$variant: $(du -k "$out_dir/$app.$variant.jfr.gz" | cut -f1) KiB gzipped"
}

main() {
    local expected_only=0
    if [[ "${1:-}" == "--expected-only" ]]; then
        expected_only=1
        shift
    fi
    local apps=("$@") app variant home line
    if [[ ${#apps[@]} == 0 ]]; then
        while IFS= read -r app; do
            [[ -n "$app" ]] && apps+=("${app%%|*}")
        done <<< "$APPS"
    fi
    for app in "${apps[@]}"; do
        app_line "$app" > /dev/null || die "unknown app '$app'"
    done
    for variant in $VARIANTS; do
        [[ " $ALL_VARIANTS " == *" $variant "* ]] || die "unknown variant '$variant' (known: $ALL_VARIANTS)"
    done
    if (( expected_only )); then
        mkdir -p "$out_dir"
        for app in "${apps[@]}"; do
            line="$(app_line "$app")"
            for variant in $VARIANTS; do
                write_expected "$app" "$variant" "$(cut -d'|' -f3 <<< "$line")" "$out_dir/$app.$variant.expected.json"
            done
        done
        return 0
    fi
    for home in "$JAVA17_HOME" "$JAVA25_HOME"; do
        [[ -x "$home/bin/java" ]] || die "no JDK at $home (set JAVA17_HOME / JAVA25_HOME)"
    done
    [[ -f "$root/threadwatch.jfc" ]] || die "missing $root/threadwatch.jfc"

    # Build the samples alone: they depend on nothing but the JDK (and the parent POM).
    # (Debian's Maven prints colour resets even with -B; sed drops them.)
    JAVA_HOME="$JAVA17_HOME" mvn -q -B -f "$samples_dir/pom.xml" package -DskipTests 2>&1 | sed $'s/\e\\[[0-9;]*m//g'
    mkdir -p "$out_dir" "$work_dir"

    rm -f "$work_dir"/*.failed
    for app in "${apps[@]}"; do
        for variant in $VARIANTS; do
            while (( $(jobs -rp | wc -l) >= PARALLEL )); do
                wait -n || true
            done
            { record "$app" "$variant" || touch "$work_dir/$app.$variant.failed"; } &
        done
    done
    wait
    if compgen -G "$work_dir/*.failed" > /dev/null; then
        die "failed: $(cd "$work_dir" && ls *.failed | sed 's/\.failed$//' | tr '\n' ' ')"
    fi
}

main "$@"
