#!/usr/bin/env bash
# Writes the seed corpus of DamagedRecordingFuzzTest from the committed sample recordings:
# two whole recordings (JDK 25 and JDK 17, the smallest of each), a chunk prefix, a small file of
# header, zero-size header and another header, and the chunk partial of each whole recording.
# About 600 KB in all. Run from anywhere.
# Files named crash-* beside them are inputs the fuzzer found failing, kept as regression tests;
# this script only masks machine paths in them (below).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
recordings="$root/samples/recordings"
seeds="$root/analyzer/src/test/resources/io/threadwatch/analyzer/DamagedRecordingFuzzTestInputs/analyzeGivesAReportOrAOneLineRefusal"

mkdir -p "$seeds"
zcat "$recordings/idle-pool.threadwatch-jdk25.jfr.gz" > "$seeds/whole-jdk25.jfr"
zcat "$recordings/idle-pool.profile-jdk17.jfr.gz" > "$seeds/whole-jdk17.jfr"
head -c 16384 "$seeds/whole-jdk17.jfr" > "$seeds/prefix-jdk17.jfr"
{
    head -c 4096 "$seeds/whole-jdk17.jfr"
    # A chunk header whose size field (bytes 8-15) is 0.
    head -c 8 "$seeds/whole-jdk25.jfr"
    printf '\0\0\0\0\0\0\0\0'
    head -c 68 "$seeds/whole-jdk25.jfr" | tail -c +17
    head -c 4096 "$seeds/whole-jdk25.jfr"
} > "$seeds/headers.jfr"
# Recordings carry the paths of the machine that made them; mask them, the crash-* inputs too.
find "$seeds" -type f ! -name '*.twpartial' -exec python3 "$root/analyzer/src/test/fuzz/mask-paths.py" {} +
# The chunk partial of each whole recording (one chunk each), made from the masked files by the
# CLI jar (mvn -B package -DskipTests first). A partial holds the Threadwatch version and format
# that made it and no other reads it: run this again when either changes
# (DamagedRecordingFuzzTest.thePartialSeedsMergeIntoTheWholeSeedsReports fails when they do).
jar="$root/analyzer/target/threadwatch.jar"
if [ ! -f "$jar" ]; then
    echo "make-seeds.sh: no $jar: build it first (mvn -B package -DskipTests)" >&2
    exit 1
fi
rm -f "$seeds"/*.twpartial
for whole in whole-jdk25 whole-jdk17; do
    java -jar "$jar" partial "$seeds/$whole.jfr" -d "$seeds"
done
du -sh "$seeds"
