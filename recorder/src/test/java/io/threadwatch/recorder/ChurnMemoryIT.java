package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.fixtures.ChurnApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 threads start and end under a watch: the heap after GC stays flat, because the engine
 * forgets ended threads and keeps only bounded per-site state, and the watch reads every event
 * without failures or drops. Runs in its own small-heap JVM so that nothing else moves the heap.
 */
class ChurnMemoryIT {

    private static final Pattern ROUND = Pattern.compile(
            "round (\\d+) heap=(\\d+) objects=(\\d+) bytes=(\\d+) events=(\\d+) failures=(\\d+) dropped=(\\d+)");
    /**
     * The whole heap after GC, JDK parser included, moved by less than 1 MB over the four rounds
     * (10.3-10.9 MB on 17, 11.0-11.2 MB on 25) once the recorder rotates the chunk every 10,000
     * thread starts; without that it rose from 24 to 59 MB on 25. Keeping even 60 bytes per ended
     * thread would add 9 MB.
     */
    private static final long FLAT_HEAP_BYTES = 8L << 20;
    /** Threadwatch's own objects may differ this much: per-window state, never per thread. */
    private static final long FLAT_OBJECTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandThreadsComeAndGoAndTheHeapStaysFlat() throws Exception {
        Path log = dir.resolve("churn.log");
        Process process = new ProcessBuilder(AgentRun.java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ChurnApp.class.getName(), "4", "50000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("churn finished").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("closed");
        List<long[]> rounds = new ArrayList<>();
        Matcher matcher = ROUND.matcher(output);
        while (matcher.find()) {
            long[] round = new long[6];
            for (int i = 0; i < round.length; i++) {
                round[i] = Long.parseLong(matcher.group(i + 2));
            }
            rounds.add(round);
        }
        assertThat(rounds).as(output).hasSize(4);
        long[] first = rounds.get(0);
        long[] last = rounds.get(3);
        assertThat(last[3]).as("events read: a start and an end per thread").isGreaterThanOrEqualTo(400_000);
        assertThat(last[4]).as("failures").isZero();
        assertThat(last[5]).as("dropped").isZero();
        assertThat(last[1] - first[1]).as("Threadwatch objects, 50,000 to 200,000 threads; %s", output)
                .isLessThan(FLAT_OBJECTS);
        for (long[] round : rounds) {
            assertThat(round[0] - first[0]).as("heap after GC, against the first round; %s", output)
                    .isLessThan(FLAT_HEAP_BYTES);
        }
    }
}
