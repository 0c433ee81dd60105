#!/usr/bin/env bash
# Records the sample services under JFR and writes, for each recording, the findings the
# analyzer must report for it.
#
#   samples/record.sh                 every app, each in its variants
#   samples/record.sh leaky-pool      one app (several may be named), each in its variants
#   samples/record.sh --jdk21         the apps of the samples/jdk21 module only (JDK 25 recordings)
#   samples/record.sh --frameworks    the apps of the samples/frameworks module only
#   samples/record.sh --long          the long recordings only (20 and 60 minutes, see LONG_VARIANTS)
#   samples/record.sh --expected-only [--jdk21|--frameworks|--long] [app ...]
#                                     only rewrite the .expected.json files (no build, no recording)
#
# Output: samples/recordings/<app>.<variant>.jfr.gz and <app>.<variant>.expected.json.
# Variants (which apps are recorded in which variants: the APPS table):
#   default-jdk17      JDK 17, settings=default
#   profile-jdk17      JDK 17, settings=profile
#   threadwatch-jdk25  JDK 25, settings=<repo>/threadwatch.jfc (thread dumps every 10 s,
#                      virtual-thread, GC and old-object events)
#   default-jdk25      JDK 25, settings=default (jdk.VirtualThreadStart/End are off)
#   short-jdk25        JDK 25, settings=threadwatch.jfc, only 10 s recorded from 20 s into a 35 s run
#                      (delay=20s,duration=10s): the recording starts when the problem is already there
#   asprof-jdk17       JDK 17, no JDK recording: async-profiler's own JFR output (ASYNC_PROFILER_VERSION,
#                      default 4.2, fetched from Maven Central; event=cpu,lock=1ms,alloc), the kind of
#                      .jfr profiling tools and their users publish; Linux x64 only
# Long variants (never recorded unless asked for, with --long or VARIANTS):
#   long20m-jdk25      JDK 25, settings=threadwatch.jfc, 20 minutes
#   long60m-jdk25      JDK 25, settings=threadwatch.jfc, 60 minutes
# Environment: JAVA17_HOME, JAVA25_HOME (JDK locations), DURATION (seconds, default 40; the
# short and long variants have their own),
# VARIANTS (a space-separated subset of the variants above: each app is recorded in those of
# its own variants that are listed),
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

# Variants of the apps of the samples module (Java 17) and of the samples/jdk21 module (Java 21:
# virtual threads, heap; recorded on JDK 25 only).
JDK17_AND_25="default-jdk17 profile-jdk17 threadwatch-jdk25"
JDK25="threadwatch-jdk25"

# app | module | variants | extra JVM options of the service | main class |
#     expected findings ("kind site pattern" separated by ";", sorted by kind; empty = none; the
#     pattern is the id from the catalog's patterns an expert would give it, README "Patterns")
APPS="
thread-per-request|samples|$JDK17_AND_25||$pkg.threadperrequest.ThreadPerRequestServer|creation-storm $pkg.threadperrequest.ThreadPerRequestServer.acceptLoop thread-per-request-unbounded
scheduler-leak|samples|$JDK17_AND_25 asprof-jdk17||$pkg.schedulerleak.ConfigService|thread-leak $pkg.schedulerleak.ConfigReloader.reload executor-per-call-never-shutdown
silent-clients|samples|$JDK17_AND_25||$pkg.silentclients.TelemetryServer|blocked-forever $pkg.silentclients.DeviceHandler.readRecord socket-read-without-timeout
leaky-pool|samples|$JDK17_AND_25 short-jdk25||$pkg.leakypool.OrderServer|blocked-forever $pkg.leakypool.ConnectionPool.borrow pool-borrow-without-timeout;long-blocking $pkg.leakypool.ConnectionPool.borrow pool-borrow-without-timeout
future-get|samples|$JDK17_AND_25||$pkg.futureget.QuoteServer|blocked-forever $pkg.futureget.QuoteHandler.handle future-get-without-timeout
common-pool-starvation|samples|$JDK17_AND_25|-Djava.util.concurrent.ForkJoinPool.common.parallelism=3|$pkg.commonpoolstarvation.PriceService|blocked-forever $pkg.commonpoolstarvation.PriceHandler.quote common-pool-starved;long-blocking $pkg.commonpoolstarvation.InventoryClient.stockLevel socket-read-without-timeout;long-blocking $pkg.commonpoolstarvation.PriceHandler.quote future-get-without-timeout
hot-lock|samples|$JDK17_AND_25||$pkg.hotlock.CheckoutService|contention $pkg.hotlock.AuditLog.append lock-held-across-io
deadlock|samples|$JDK17_AND_25||$pkg.deadlock.BankService|deadlock $pkg.deadlock.Bank.transfer lock-order-inversion
idle-pool|samples|$JDK17_AND_25||$pkg.idlepool.InventoryServer|
warmup-pool|samples|$JDK17_AND_25||$pkg.warmuppool.ThumbnailService|
bursty-cached-pool|samples|$JDK17_AND_25||$pkg.burstycachedpool.ReportService|
job-scheduler|samples|$JDK17_AND_25||$pkg.jobscheduler.JobScheduler|
vthread-leak|samples/jdk21|$JDK25 default-jdk25||$pkg.vthreadleak.PaymentService|vthread-leak $pkg.vthreadleak.PaymentHandler.handle vthread-parked-forever
vthread-pinning|samples/jdk21|$JDK25||$pkg.vthreadpinning.PricingService|vthread-pinning $pkg.vthreadpinning.RuleRepository.fetch vthread-pinned-native
unbounded-cache|samples/jdk21|$JDK25|-Xms512m -Xmx512m|$pkg.unboundedcache.ExportService|heap-growth $pkg.unboundedcache.ReportRenderer.render heap-unbounded-growth
busy-vthreads|samples/jdk21|$JDK25||$pkg.busyvthreads.SearchService|
large-flat-heap|samples/jdk21|$JDK25|-Xms512m -Xmx512m|$pkg.largeflatheap.CatalogService|
tomcat-healthy|samples/frameworks|$JDK17_AND_25||$pkg.tomcathealthy.CatalogService|
tomcat-sync-audit|samples/frameworks|$JDK17_AND_25||$pkg.tomcatsyncaudit.OrderService|contention $pkg.tomcatsyncaudit.AuditService.record lock-held-across-io
jetty-healthy|samples/frameworks|$JDK17_AND_25||$pkg.jettyhealthy.StorefrontService|
jetty-client-leak|samples/frameworks|$JDK17_AND_25||$pkg.jettyclientleak.StorefrontService|thread-leak $pkg.jettyclientleak.StockHandler.fetchPartnerStock client-per-request
netty-healthy|samples/frameworks|$JDK17_AND_25||$pkg.nettyhealthy.QuoteServer|
netty-client-leak|samples/frameworks|$JDK17_AND_25||$pkg.nettyclientleak.QuoteServer|thread-leak $pkg.nettyclientleak.InventoryClient.fetch client-per-request
grpc-healthy|samples/frameworks|$JDK17_AND_25||$pkg.grpchealthy.QuoteFrontend|
grpc-no-deadline|samples/frameworks|$JDK17_AND_25||$pkg.grpcnodeadline.QuoteFrontend|blocked-forever $pkg.grpcnodeadline.PriceLookup.lookup rpc-without-deadline
hikari-healthy|samples/frameworks|$JDK17_AND_25||$pkg.hikarihealthy.OrderService|
hikari-leak|samples/frameworks|$JDK17_AND_25||$pkg.hikarileak.OrderService|long-blocking $pkg.hikarileak.OrderDao.insert pool-exhausted
httpclient-healthy|samples/frameworks|$JDK17_AND_25||$pkg.httpclienthealthy.StockGateway|
httpclient-leak|samples/frameworks|$JDK17_AND_25||$pkg.httpclientleak.StockGateway|blocked-forever $pkg.httpclientleak.StockClient.fetch pool-exhausted
kafka-healthy|samples/frameworks|$JDK17_AND_25||$pkg.kafkahealthy.OrderPipeline|
kafka-poison|samples/frameworks|$JDK17_AND_25||$pkg.kafkapoison.OrderPipeline|blocked-forever $pkg.kafka.OrderConsumer.handOff queue-put-nobody-drains
otel-healthy|samples/frameworks|$JDK17_AND_25||$pkg.otelhealthy.CheckoutService|
otel-tracer-leak|samples/frameworks|$JDK17_AND_25||$pkg.oteltracerleak.CheckoutService|thread-leak $pkg.oteltracerleak.TenantTracing.tracerFor client-per-request
slow-leak-gateway|samples|long20m-jdk25 long60m-jdk25||$pkg.slowleakgateway.DeviceGateway|thread-leak $pkg.slowleakgateway.RouteConfig.reload executor-per-call-never-shutdown
steady-gateway|samples|long60m-jdk25||$pkg.steadygateway.UploadGateway|
cache-warmup|samples/jdk21|$JDK25|-Xms512m -Xmx512m|$pkg.cachewarmup.TileService|
full-heap|samples/jdk21|$JDK25|-Xms64m -Xmx64m|$pkg.fullheap.RateService|gc-pressure - unclassified
"
# The recordings of an app that need their own service arguments or expect other findings than
# the app's (APPS: "=" keeps the app's findings).
# app.variant | extra arguments of the service | expected findings
RUNS="
leaky-pool.short-jdk25||blocked-forever $pkg.leakypool.ConnectionPool.borrow pool-borrow-without-timeout
slow-leak-gateway.long20m-jdk25|--leak-every 120|=
slow-leak-gateway.long60m-jdk25|--leak-every 240|=
"
ALL_VARIANTS="default-jdk17 profile-jdk17 threadwatch-jdk25 default-jdk25 short-jdk25 asprof-jdk17"
LONG_VARIANTS="long20m-jdk25 long60m-jdk25"
KNOWN_VARIANTS="$ALL_VARIANTS $LONG_VARIANTS"

# variant | finding kinds its settings cannot show | why (becomes the expectation's "note")
# The findings table above is about the apps; this one is about the recordings. A kind listed
# here is left out of that variant's expected findings, listed under "notAssessed" (the report
# must name it in a limitation), and the note says why.
LIMITS="
profile-jdk17|blocked-forever deadlock|settings=profile takes a jdk.ThreadDump every 60 s, so this 40 s recording holds no thread dump at all, and a wait that never ends produces no event: stuck and deadlocked threads cannot be seen in it.
asprof-jdk17|thread-leak creation-storm blocked-forever deadlock|async-profiler writes execution, lock (jdk.JavaMonitorEnter, jdk.ThreadPark over 1 ms) and allocation samples, and declares no other event type: no jdk.ThreadStart and no jdk.ThreadDump, so thread leaks and stuck threads cannot be seen in its recordings.
default-jdk25|vthread-leak|settings=default leaves jdk.VirtualThreadStart and jdk.VirtualThreadEnd off (jdk.ActiveSetting enabled=false), and a virtual thread parked forever produces no other event, so the live virtual threads cannot be counted: virtual-thread leaks cannot be assessed from this recording.
"

die() {
    echo "record.sh: $*" >&2
    exit 1
}

# Field N of an APPS line: 1 app, 2 module, 3 variants, 4 JVM options, 5 main class, 6 findings.
field() {
    cut -d'|' -f"$2" <<< "$1"
}

# The variants an app is recorded in: its own (APPS), restricted to $VARIANTS.
app_variants() {
    local variant selected=""
    for variant in $(field "$(app_line "$1")" 3); do
        [[ " $VARIANTS " == *" $variant "* ]] && selected="${selected:+$selected }$variant"
    done
    echo "$selected"
}

# The class path of an app's module (samples/jdk21 also needs the samples module's support classes).
module_class_path() {
    case "$1" in
        samples) echo "$samples_dir/target/classes" ;;
        samples/jdk21) echo "$samples_dir/jdk21/target/classes:$samples_dir/target/classes" ;;
        # The frameworks' jars, copied there by the module's package phase (copy-dependencies).
        samples/frameworks) echo "$samples_dir/frameworks/target/classes:$samples_dir/frameworks/target/lib/*:$samples_dir/target/classes" ;;
        *) die "unknown module '$1'" ;;
    esac
}

# The RUNS line of an app in a variant, if any.
run_line() {
    local line
    while IFS= read -r line; do
        [[ "${line%%|*}" == "$1.$2" ]] && { echo "$line"; return 0; }
    done <<< "$RUNS"
    return 0
}

# The findings a recording of an app in a variant must yield (RUNS overrides APPS).
run_findings() {
    local run
    run="$(run_line "$1" "$2")"
    if [[ -n "$run" && "$(field "$run" 3)" != "=" ]]; then
        field "$run" 3
    else
        field "$(app_line "$1")" 6
    fi
}

# How long the service runs in a variant (seconds).
variant_duration() {
    case "$1" in
        short-jdk25) echo 35 ;;
        long20m-jdk25) echo 1200 ;;
        long60m-jdk25) echo 3600 ;;
        *) echo "$DURATION" ;;
    esac
}

# Extra -XX:StartFlightRecording options of a variant (after settings, filename, dumponexit).
variant_jfr_options() {
    case "$1" in
        # leaky-pool's 16 workers are all stuck from about 15 s: record 20-30 s of the 35 s run.
        short-jdk25) echo ",delay=20s,duration=10s" ;;
        *) echo "" ;;
    esac
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
        threadwatch-jdk25|short-jdk25|long20m-jdk25|long60m-jdk25) echo "$root/threadwatch.jfc" ;;
        default-jdk25) echo "default" ;;
        asprof-*) echo "" ;;
        *) die "unknown variant $1" ;;
    esac
}

write_expected() {
    local app="$1" variant="$2" findings="$3" file="$4"
    local entry kind site pattern limited="" why="" dropped="" first=1
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
                IFS=" " read -r kind site pattern <<< "$entry"
                if [[ " $limited " == *" $kind "* ]]; then
                    dropped="${dropped:+$dropped, }$kind at $site"
                    continue
                fi
                [[ $first == 1 ]] || printf ',\n              '
                first=0
                printf '{"kind": "%s", "site": "%s", "pattern": "%s"}' "$kind" "$site" "$pattern"
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

# async-profiler's agent library for Linux x64, from its jar on Maven Central, into $work_dir/async-profiler.
fetch_async_profiler() {
    local version="${ASYNC_PROFILER_VERSION:-4.2}" dir="$work_dir/async-profiler"
    [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] || die "the asprof variants need Linux x64 (async-profiler's jar holds that library)"
    [[ -f "$dir/libasyncProfiler.so" ]] && return 0
    mkdir -p "$dir"
    JAVA_HOME="$JAVA17_HOME" mvn -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$version" \
        -DoutputDirectory="$dir" 2>&1 | sed $'s/\e\\[[0-9;]*m//g'
    (cd "$dir" && "$JAVA17_HOME/bin/jar" xf "async-profiler-$version.jar" linux-x64/libasyncProfiler.so \
        && mv linux-x64/libasyncProfiler.so . && rmdir linux-x64)
}

record() {
    local app="$1" variant="$2" line main findings class_path java_home settings jfr log duration
    local -a jvm_options app_args
    line="$(app_line "$app")"
    class_path="$(module_class_path "$(field "$line" 2)")"
    read -r -a jvm_options <<< "$(field "$line" 4)"
    main="$(field "$line" 5)"
    findings="$(run_findings "$app" "$variant")"
    read -r -a app_args <<< "$(field "$(run_line "$app" "$variant")" 2)"
    duration="$(variant_duration "$variant")"
    java_home="$(variant_java_home "$variant")"
    settings="$(variant_settings "$variant")"
    jfr="$work_dir/$app.$variant.jfr"
    log="$work_dir/$app.$variant.log"
    rm -f "$jfr"
    echo "recording $app.$variant (${duration} s)"
    local recorder="-XX:StartFlightRecording:name=threadwatch-sample,settings=$settings,filename=$jfr,dumponexit=true$(variant_jfr_options "$variant")"
    if [[ "$variant" == asprof-* ]]; then
        recorder="-agentpath:$work_dir/async-profiler/libasyncProfiler.so=start,event=cpu,lock=1ms,alloc,jfr,file=$jfr"
    fi
    if ! "$java_home/bin/java" ${jvm_options[@]+"${jvm_options[@]}"} "$recorder" \
            -cp "$class_path" "$main" --duration "$duration" ${app_args[@]+"${app_args[@]}"} > "$log" 2>&1; then
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
    local expected_only=0 only_module="" long=0
    while [[ "${1:-}" == --* ]]; do
        case "$1" in
            --expected-only) expected_only=1 ;;
            --jdk21) only_module=samples/jdk21 ;;
            --frameworks) only_module=samples/frameworks ;;
            --long) long=1 ;;
            *) die "unknown option '$1'" ;;
        esac
        shift
    done
    local apps=("$@") app variant line
    # Default variants: the long ones only with --long or for apps named on the command line
    # (a plain run must not take an hour).
    if (( long )); then
        VARIANTS="${VARIANTS:-$LONG_VARIANTS}"
    elif [[ ${#apps[@]} -gt 0 ]]; then
        VARIANTS="${VARIANTS:-$KNOWN_VARIANTS}"
    else
        VARIANTS="${VARIANTS:-$ALL_VARIANTS}"
    fi
    if [[ ${#apps[@]} == 0 ]]; then
        while IFS= read -r line; do
            [[ -n "$line" ]] || continue
            [[ -n "$only_module" && "$(field "$line" 2)" != "$only_module" ]] && continue
            [[ -n "$(app_variants "${line%%|*}")" ]] || continue
            apps+=("${line%%|*}")
        done <<< "$APPS"
    fi
    for app in "${apps[@]}"; do
        app_line "$app" > /dev/null || die "unknown app '$app'"
    done
    for variant in $VARIANTS; do
        [[ " $KNOWN_VARIANTS " == *" $variant "* ]] || die "unknown variant '$variant' (known: $KNOWN_VARIANTS)"
    done
    if (( expected_only )); then
        mkdir -p "$out_dir"
        for app in "${apps[@]}"; do
            for variant in $(app_variants "$app"); do
                write_expected "$app" "$variant" "$(run_findings "$app" "$variant")" "$out_dir/$app.$variant.expected.json"
            done
        done
        return 0
    fi

    # What to build and which JDKs are needed, from the (app, variant) pairs to record.
    local -a runs=()
    local need17=0 need25=0 build_samples=0 build_jdk21=0 build_frameworks=0 need_asprof=0
    for app in "${apps[@]}"; do
        for variant in $(app_variants "$app"); do
            runs+=("$app $variant")
            [[ "$variant" != asprof-* ]] || need_asprof=1
            case "$variant" in
                *-jdk17) need17=1 ;;
                *-jdk25) need25=1 ;;
            esac
            case "$(field "$(app_line "$app")" 2)" in
                samples) build_samples=1 ;;
                samples/jdk21) build_jdk21=1 ;;
                samples/frameworks) build_frameworks=1 ;;
            esac
        done
    done
    [[ ${#runs[@]} -gt 0 ]] || die "nothing to record: none of the apps has a variant in VARIANTS='$VARIANTS'"
    (( need17 )) && { [[ -x "$JAVA17_HOME/bin/java" ]] || die "no JDK at $JAVA17_HOME (set JAVA17_HOME)"; }
    if (( need25 || build_jdk21 )); then
        [[ -x "$JAVA25_HOME/bin/java" ]] || die "no JDK at $JAVA25_HOME (set JAVA25_HOME)"
    fi
    [[ -f "$root/threadwatch.jfc" ]] || die "missing $root/threadwatch.jfc"

    # (Debian's Maven prints colour resets even with -B; sed drops them.)
    if (( build_samples )); then
        # The samples module alone: it depends on nothing but the JDK (and the parent POM).
        JAVA_HOME="$JAVA17_HOME" mvn -q -B -f "$samples_dir/pom.xml" package -DskipTests 2>&1 | sed $'s/\e\\[[0-9;]*m//g'
    fi
    if (( build_jdk21 )); then
        # samples/jdk21 is in the reactor only when Maven runs on JDK 21+ (root profile
        # jdk21-samples); -am also builds the samples module it takes its support classes from.
        # (--sun-misc-unsafe-memory-access=allow silences JDK 25's warnings about Maven's own libraries.)
        JAVA_HOME="$JAVA25_HOME" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
            mvn -q -B -f "$root/pom.xml" -pl samples/jdk21 -am package -DskipTests 2>&1 | sed $'s/\e\\[[0-9;]*m//g'
    fi
    if (( build_frameworks )); then
        # -am also builds the samples module (support classes); package copies the libraries
        # to samples/frameworks/target/lib.
        JAVA_HOME="$JAVA17_HOME" mvn -q -B -f "$root/pom.xml" -pl samples/frameworks -am package -DskipTests 2>&1 | sed $'s/\e\\[[0-9;]*m//g'
    fi
    mkdir -p "$out_dir" "$work_dir"
    (( need_asprof == 0 )) || fetch_async_profiler

    rm -f "$work_dir"/*.failed
    local run
    for run in "${runs[@]}"; do
        app="${run%% *}"
        variant="${run#* }"
        while (( $(jobs -rp | wc -l) >= PARALLEL )); do
            wait -n || true
        done
        { record "$app" "$variant" || touch "$work_dir/$app.$variant.failed"; } &
    done
    wait
    if compgen -G "$work_dir/*.failed" > /dev/null; then
        die "failed: $(cd "$work_dir" && ls *.failed | sed 's/\.failed$//' | tr '\n' ' ')"
    fi
}

main "$@"
