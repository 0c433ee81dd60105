package io.threadwatch.recorder.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.source.JfrSettings;
import io.threadwatch.recorder.safety.Failures;
import io.threadwatch.recorder.stream.JfrStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence captures on this JVM's own stream: a finding, a thread dump and a readable snapshot, rotated. */
class EvidenceWriterTest {

    @TempDir
    Path dir;

    private JfrStream stream;
    private final Failures failures = new Failures();

    @BeforeEach
    void startStream() throws Exception {
        stream = JfrStream.local(JfrSettings.live(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(20)),
                Duration.ofMinutes(1),
                16L << 20);
        stream.start();
        Thread.sleep(1_500);
    }

    @AfterEach
    void closeStream() {
        stream.close();
    }

    private static Finding finding(String site) {
        return new Finding("thread-leak:" + site, "thread-leak", "thread-leak", "critical", "confirmed",
                "2026-11-29T10:00:00.000Z", "2026-11-29T10:01:00.000Z", 1,
                "threads started at com.acme.Reloader.reload are never ending",
                new Finding.FiredSli("threads.leak.rate", new TreeMap<>(Map.of("site", "com.acme.Reloader.reload")),
                        1800, 15, "threads/hour"),
                new Finding.Site("com.acme.Reloader.reload(Reloader.java:42)", site),
                List.of(new Evidence("creation-site", 3, List.of("refresher-1"),
                        List.of("com.acme.Reloader.reload(Reloader.java:42)"), null)));
    }

    @Test
    void aCaptureHoldsTheFindingAFullThreadDumpAndASnapshotOfTheRecording() throws Exception {
        EvidenceWriter writer = new EvidenceWriter(dir, 1L << 30, stream,
                new ThreadDumps(ManagementFactory.getPlatformMBeanServer(), true), failures);
        List<Path> written = writer.capture(finding("3f9c0a1b2c3d4e5f"), Instant.parse("2026-11-29T22:15:03Z"));
        assertThat(failures.total()).isZero();
        String dump = Runtime.version().feature() >= 21 ? "threads.json" : "threads.txt";
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "20261129T221503Z-thread-leak-3f9c0a1b2c3d4e5f.finding.json",
                "20261129T221503Z-thread-leak-3f9c0a1b2c3d4e5f." + dump,
                "20261129T221503Z-thread-leak-3f9c0a1b2c3d4e5f.jfr");
        assertThat(Files.readString(written.get(0))).contains("\"rule\" : \"thread-leak\"", "Reloader.java:42");
        // The dump lists this very thread, by name, whatever its format.
        assertThat(Files.readString(written.get(1))).contains(Thread.currentThread().getName());
        assertThat(RecordingFile.readAllEvents(written.get(2))).isNotEmpty();
    }

    @Test
    void oldCapturesAreDeletedPastTheBoundAndTheNewestAlwaysStays() throws Exception {
        EvidenceWriter writer = new EvidenceWriter(dir, 1, stream,
                new ThreadDumps(ManagementFactory.getPlatformMBeanServer(), true), failures);
        Files.writeString(dir.resolve("notes.txt"), "not evidence: never deleted");
        writer.capture(finding("aaaa"), Instant.parse("2026-11-29T22:15:03Z"));
        writer.capture(finding("bbbb"), Instant.parse("2026-11-29T22:16:03Z"));
        writer.capture(finding("cccc"), Instant.parse("2026-11-29T22:17:03Z"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(4)
                    .contains("notes.txt")
                    .allMatch(name -> name.equals("notes.txt")
                            || name.startsWith("20261129T221703Z-thread-leak-cccc."));
        }
        assertThat(failures.total()).isZero();
    }
}
