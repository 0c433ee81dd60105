package io.threadwatch.bench.bigfile;

import java.nio.file.Path;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads every event of a recording with the JDK's {@link RecordingFile} and touches its end time:
 * the cost of parsing alone, without analysis. Prints {@code events=N}.
 */
public final class JdkScan {
    private JdkScan() {
    }

    public static void main(String[] args) throws Exception {
        long events = 0;
        long endTimeSum = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                endTimeSum += event.getEndTime().getNano();
                events++;
            }
        }
        System.out.println("events=" + events + " checksum=" + endTimeSum);
    }
}
