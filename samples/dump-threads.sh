#!/usr/bin/env bash
# Takes the thread dumps under samples/dumps/ that the tests of 'threadwatch diff' compare: a
# sample service is run once, and dumped early (before) and late (after) in both forms,
#
#   <app>.before.jstack.txt / <app>.after.jstack.txt   jstack text (the format of jcmd Thread.print)
#   <app>.before.json.gz / <app>.after.json.gz         jcmd <pid> Thread.dump_to_file -format=json
#                                                      (JDK 21+; lists virtual threads too), gzipped:
#                                                      thousands of leaked virtual threads repeat one stack
#
#   samples/dump-threads.sh              every app below
#   samples/dump-threads.sh vthread-leak one app (several may be named)
#
# Apps (name | module | main class | seconds before the first dump | seconds before the second):
#   scheduler-leak  leaks one idle scheduler thread per reload: the second dump has a grown stack
#   vthread-leak    leaks virtual threads per request: the JSON dumps show them, jstack does not
# Environment: JAVA25_HOME (a JDK 21+, default Temurin 25).
set -euo pipefail

samples_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$samples_dir/.." && pwd)"
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out_dir="$samples_dir/dumps"
work_dir="$samples_dir/target/dump-work"
pkg=io.threadwatch.samples

APPS="
scheduler-leak|samples|$pkg.schedulerleak.ConfigService|4|20
vthread-leak|samples/jdk21|$pkg.vthreadleak.PaymentService|3|7
"

die() { echo "dump-threads.sh: $*" >&2; exit 1; }

class_path() {
    case "$1" in
        samples) echo "$samples_dir/target/classes" ;;
        samples/jdk21) echo "$samples_dir/jdk21/target/classes:$samples_dir/target/classes" ;;
        *) die "unknown module '$1'" ;;
    esac
}

# Dumps the JVM $1 as $2 (before or after) of app $3, in both forms.
dump() {
    local pid="$1" when="$2" app="$3" json="$work_dir/$3.$2.json"
    "$JAVA25_HOME/bin/jstack" "$pid" > "$out_dir/$app.$when.jstack.txt"
    rm -f "$json"
    "$JAVA25_HOME/bin/jcmd" "$pid" Thread.dump_to_file -format=json "$json" > /dev/null
    gzip -9 -n -c "$json" > "$out_dir/$app.$when.json.gz"
}

run() {
    local line app module main first second pid
    line="$(grep "^$1|" <<< "$APPS")" || die "unknown app '$1'"
    IFS='|' read -r app module main first second <<< "$line"
    echo "dumping $app"
    "$JAVA25_HOME/bin/java" -cp "$(class_path "$module")" "$main" --duration $((second + 5)) \
        > "$work_dir/$app.log" 2>&1 &
    pid=$!
    sleep "$first"
    dump "$pid" before "$app"
    sleep $((second - first))
    dump "$pid" after "$app"
    wait "$pid" || die "$app failed, see $work_dir/$app.log"
    echo "dumped  $app: $(du -ck "$out_dir/$app".* | tail -1 | cut -f1) KiB"
}

main() {
    [[ -x "$JAVA25_HOME/bin/jcmd" ]] || die "no JDK at $JAVA25_HOME (set JAVA25_HOME)"
    mkdir -p "$out_dir" "$work_dir"
    JAVA_HOME="$JAVA25_HOME" mvn -q -B -f "$root/pom.xml" -pl samples/jdk21 -am compile 2>&1 | sed $'s/\e\\[[0-9;]*m//g'
    local apps=("$@")
    (( ${#apps[@]} )) || apps=(scheduler-leak vthread-leak)
    for app in "${apps[@]}"; do
        run "$app"
    done
}

main "$@"
