package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live stream records every collection, not only those above the blocking threshold: on this
 * JVM's own stream, the live {@code gc.count} covers the short young collections the test causes,
 * as counted by the JVM's own {@code GarbageCollectorMXBean}s.
 */
class LiveGcTest {

    /** How many collections to cause. */
    private static final int COLLECTIONS = 10;
    /** The live stream's default threshold for blocking events. */
    private static final long BLOCKING_THRESHOLD_MILLIS = WatchOptions.DEFAULT_BLOCKING_THRESHOLD.toMillis();
    /** Allocated per step while waiting for the next collection. */
    private static final int CHUNK_BYTES = 64 << 10;

    /** Where allocations go, so that the JIT cannot remove them. */
    private static volatile byte[] sink;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        Threadwatch.current().ifPresent(Watch::close);
    }

    @Test
    void shortCollectionsAreCountedLive() throws Exception {
        Path lines = dir.resolve("threadwatch.jsonl");
        Watch watch = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)).withJsonLines(lines));
        assertThat(watch.awaitStreaming(Duration.ofSeconds(60))).as("JFR streaming").isTrue();

        Instant from = Instant.now();
        long countBefore = collections();
        int shortOnes = 0;
        for (int i = 0; i < COLLECTIONS; i++) {
            if (causeOneCollection() < BLOCKING_THRESHOLD_MILLIS) {
                shortOnes++;
            }
        }
        long caused = collections() - countBefore;
        Instant to = Instant.now();

        // A late event counts in the window open when it arrives: count until a few windows past the last collection.
        LiveLines written = awaitWindowEnding(lines, to.plusSeconds(3));
        double counted = 0;
        for (JsonNode window : written.windows()) {
            if (Instant.parse(window.get("end").asText()).isAfter(from)) {
                for (JsonNode sli : window.get("slis")) {
                    if (sli.get("name").asText().equals("gc.count")) {
                        counted += sli.get("value").asDouble();
                    }
                }
            }
        }
        // The point of the test: collections shorter than the blocking threshold, which the live stream used to drop.
        assertThat(shortOnes).as("collections shorter than %d ms", BLOCKING_THRESHOLD_MILLIS).isPositive();
        assertThat(counted).as("live gc.count over the windows since %s", from).isGreaterThanOrEqualTo(caused);
    }

    /**
     * Allocates short-lived arrays until the JVM has collected once more; returns how long the
     * latest collection took, in ms, as its collector reports it.
     */
    private static long causeOneCollection() {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        long[] before = new long[collectors.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = collectors.get(i).getCollectionCount();
        }
        long total = collections();
        while (collections() == total) {
            sink = new byte[CHUNK_BYTES];
        }
        long millis = Long.MAX_VALUE;
        for (int i = 0; i < before.length; i++) {
            GarbageCollectorMXBean collector = collectors.get(i);
            if (collector.getCollectionCount() > before[i]
                    && collector instanceof com.sun.management.GarbageCollectorMXBean withInfo
                    && withInfo.getLastGcInfo() != null) {
                millis = Math.min(millis, withInfo.getLastGcInfo().getDuration());
            }
        }
        return millis;
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static LiveLines awaitWindowEnding(Path file, Instant end) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                LiveLines lines = LiveLines.readWritten(file);
                if (lines.windows().stream().anyMatch(w -> !Instant.parse(w.get("end").asText()).isBefore(end))) {
                    return lines;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no window ending at or after " + end + " within 60 s");
    }
}
