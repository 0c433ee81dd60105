# Sourced by the bench scripts: building what a benchmark runs, and the medians and paired ratios
# of its results. A results file holds one line per run: "<iteration> <name> <column 3> ...".

# The Java feature release of the JDK that runs the benchmark (JAVA_HOME, else java on PATH).
java_release() {
    local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    "$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

# bench_build recorder,bench: builds those modules and what they need into their target/, with
# that JDK; Maven's output goes to standard error with the rest of the progress.
bench_build() {
    local root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    if (($(java_release) >= 24)); then
        # Maven's own Guava warns about sun.misc.Unsafe on JDK 24+ (as in .ci/run): Maven's noise, not ours.
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    fi
    (cd "$root" && mvn -B -q package -DskipTests -pl "$1" -am) >&2
}

# pin_cores SCRIPT CORES: when CORES is set, a JVM is to see CORES processors and run on the first
# CORES CPUs, so that its JIT compiler and GC threads share them too (ActiveProcessorCount alone
# sizes the thread pools but leaves the threads free to use every CPU). Sets the array PINNED (the
# command prefix, taskset) and PINNED_OPTS (the JVM option); both empty when CORES is empty.
pin_cores() {
    PINNED=()
    PINNED_OPTS=""
    [[ -n $2 ]] || return 0
    command -v taskset > /dev/null || { echo "$1: CORES needs taskset (util-linux)" >&2; exit 2; }
    (($2 >= 1 && $2 <= $(nproc))) || { echo "$1: CORES must be 1 to $(nproc), not $2" >&2; exit 2; }
    PINNED=(taskset -c "0-$(($2 - 1))")
    PINNED_OPTS="-XX:ActiveProcessorCount=$2"
}

# The median of the numbers on standard input.
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# column FILE NAME C: column C of NAME's runs.
column() { awk -v name="$2" -v c="$3" '$2 == name {print $c}' "$1"; }

# ratios FILE NAME BASE C: column C of NAME's runs over that of BASE in the same iteration;
# pairing keeps the machine's drift between iterations out of the ratios.
ratios() {
    awk -v name="$2" -v base="$3" -v c="$4" '{v[$1, $2] = $c; iterations[$1]} END {
        for (i in iterations) print (v[i, base] > 0 ? v[i, name] / v[i, base] : 0) }' "$1"
}
