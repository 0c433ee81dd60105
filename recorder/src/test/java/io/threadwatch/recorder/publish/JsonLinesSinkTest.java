package io.threadwatch.recorder.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.LiveLine;
import io.threadwatch.fixtures.StdoutHeldApp;
import io.threadwatch.analyzer.report.SliPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {

    @TempDir
    Path dir;

    private static LiveLine.WindowLine window(int i) {
        return LiveLine.WindowLine.of("2026-11-29T10:00:00.000Z", "2026-11-29T10:00:20.000Z",
                List.of(new SliPoint("2026-11-29T10:00:20.000Z", "threads.live", new TreeMap<>(Map.of()), 40 + i)),
                new LiveLine.RecorderCounters(i, i, 0, 0));
    }

    @Test
    void aFilePastItsBoundMovesToDotOneAndStartsAgainSoTheOutputStaysBounded() throws Exception {
        Path file = dir.resolve("out").resolve("threadwatch.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.open(file, 1_000)) {
            for (int i = 0; i < 20; i++) {
                sink.write(window(i));
            }
        }
        Path previous = dir.resolve("out").resolve("threadwatch.jsonl.1");
        assertThat(Files.size(file)).isLessThanOrEqualTo(1_000);
        assertThat(Files.size(previous)).isLessThanOrEqualTo(1_000);
        List<String> latest = Files.readAllLines(file);
        assertThat(latest).isNotEmpty()
                .allMatch(line -> line.startsWith("{\"schema\":\"threadwatch.line/v1\",\"type\":\"window\""));
        assertThat(latest.get(latest.size() - 1)).contains("\"value\":59.0");
    }

    /**
     * A host thread holds {@code System.out}'s lock for good; in a JVM of its own, the sink writes a
     * window line to standard output ({@code -}). The line gets out: the sink does not go through
     * {@code System.out}.
     */
    @Test
    void aLineToStandardOutputGetsOutWhileAHostThreadHoldsSystemOut() throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StdoutHeldApp.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as("standard output; standard error:%n%s", Files.readString(err)).singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{\"schema\":\"threadwatch.line/v1\",\"type\":\"window\"")
                        .contains("\"value\":" + StdoutHeldApp.LIVE_THREADS));
        assertThat(exited).as("the app ended by itself").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void reopeningAppendsToTheSameFile() throws Exception {
        Path file = dir.resolve("threadwatch.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.open(file, 1 << 20)) {
            sink.write(window(1));
        }
        try (JsonLinesSink sink = JsonLinesSink.open(file, 1 << 20)) {
            sink.write(window(2));
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
