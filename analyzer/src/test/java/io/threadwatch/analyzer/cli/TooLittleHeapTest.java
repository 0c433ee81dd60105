package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chunk that does not fit in the heap Java was given gets one line that names the file and the
 * chunk and says which {@code -Xmx} to use, with the bad-input exit code, instead of an
 * {@link OutOfMemoryError}'s stack trace. Run in a JVM of its own, since it must run out of heap.
 */
class TooLittleHeapTest {

    @Test
    void aChunkTooBigForTheHeapNamesTheChunkAndTheXmxToUse() throws Exception {
        // The hour-long sample's chunks are about 13 MB each; decoded, one does not fit in 16 MB.
        // Eight processors: the budget, not the worker count, decides how many chunks are held.
        Path recording = TestRecordings.recording("steady-gateway.long60m-jdk25.jfr.gz");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:ActiveProcessorCount=8",
                "-cp", System.getProperty("java.class.path"),
                ThreadwatchCommand.class.getName(), "analyze", "--format", "json", "-o", nullDevice(),
                recording.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(err).isEqualTo(ExitCodes.BAD_INPUT);
        List<String> lines = err.lines().filter(line -> !line.startsWith("WARNING:") && !line.isBlank()).toList();
        assertThat(lines).as(err).hasSize(1);
        // Which thread runs out first is a race: the one decoding a chunk, or the engine's, taking
        // the chunk before it. Both name the chunk and the same -Xmx.
        assertThat(lines.get(0)).matches("threadwatch analyze: 'steady-gateway\\.long60m-jdk25\\.jfr\\.gz': (chunk \\d of 9 "
                + "\\(13 MB, about \\d+ MB once decoded\\) does not fit in the 16 MB heap Java was given"
                + "|ran out of the 16 MB heap Java was given while analyzing chunk \\d of 9 \\(13 MB\\))"
                + ": run Java with more heap, e\\.g\\. -Xmx256m");
    }

    private static String nullDevice() throws IOException {
        return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
