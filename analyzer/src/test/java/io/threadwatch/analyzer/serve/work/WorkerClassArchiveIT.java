package io.threadwatch.analyzer.serve.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.serve.ServeLimits;
import io.threadwatch.analyzer.serve.store.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve's workers, started from the built jar as the service starts them: the first one writes the
 * class archive as it exits, the next ones start with it, and the reports do not change.
 */
class WorkerClassArchiveIT {

    private static final Path SAMPLE = TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz");

    @TempDir
    Path dir;

    @Test
    void theFirstWorkerWritesTheArchiveTheNextOnesRead() throws Exception {
        String jar = Path.of(System.getProperty("threadwatch.jar", "target/threadwatch.jar")).toAbsolutePath().toString();
        DataDir data = DataDir.open(dir.resolve("data"));
        WorkerClassArchive archive = WorkerClassArchive.in(data, jar);
        ChildAnalysis workers = new ChildAnalysis(ServeLimits.DEFAULT, List.of(), jar, archive);
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        ChildAnalysis.Outcome writing = workers.run(SAMPLE, "sample.jfr.gz", first, progress -> { });

        assertThat(writing.refusal()).isEmpty();
        Path written;
        try (var cache = Files.list(data.root().resolve("cache"))) {
            written = cache.filter(file -> file.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        assertThat(Files.size(written)).as("the classes the worker used").isGreaterThan(1_000_000);
        try (var tmp = Files.list(data.tmp())) {
            assertThat(tmp).isEmpty();
        }
        WorkerClassArchive.Use next = archive.next();
        assertThat(next.options()).first().isEqualTo("-XX:SharedArchiveFile=" + written);
        archive.ended(next, true);

        ChildAnalysis.Outcome reading = workers.run(SAMPLE, "sample.jfr.gz", second, progress -> { });

        assertThat(reading.refusal()).isEmpty();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first)).contains("\"thread-leak\"");
    }

    /**
     * JDK 17 aborts at start-up on a truncated archive even with {@code -Xshare:auto}: one left in
     * place (a full disk, a copy cut short) would fail every analysis. The service's trial JVM finds
     * it and the archive is written again.
     */
    @Test
    void aTruncatedArchiveInPlaceIsDeletedAndWrittenAgain() throws Exception {
        String jar = Path.of(System.getProperty("threadwatch.jar", "target/threadwatch.jar")).toAbsolutePath().toString();
        DataDir data = DataDir.open(dir.resolve("data"));
        WorkerClassArchive first = WorkerClassArchive.in(data, jar);
        ChildAnalysis.Outcome writing = new ChildAnalysis(ServeLimits.DEFAULT, List.of(), jar, first)
                .run(SAMPLE, "sample.jfr.gz", dir.resolve("first.json"), progress -> { });
        assertThat(writing.refusal()).isEmpty();
        Path written;
        try (var cache = Files.list(data.root().resolve("cache"))) {
            written = cache.findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(written);
        Files.write(written, java.util.Arrays.copyOf(whole, whole.length / 3));

        WorkerClassArchive restarted = WorkerClassArchive.in(data, jar);

        assertThat(written).doesNotExist();
        ChildAnalysis.Outcome again = new ChildAnalysis(ServeLimits.DEFAULT, List.of(), jar, restarted)
                .run(SAMPLE, "sample.jfr.gz", dir.resolve("again.json"), progress -> { });
        assertThat(again.refusal()).isEmpty();
        assertThat(written).as("written again by that analysis").isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo(Files.readString(dir.resolve("first.json")));
    }
}
