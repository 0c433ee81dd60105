package io.threadwatch.recorder;

import io.threadwatch.analyzer.report.LiveLine;

/**
 * What a watch did so far.
 *
 * @param events   JFR events read
 * @param windows  windows closed
 * @param dropped  outputs dropped because a queue was full (JSON lines, metric updates, evidence captures)
 * @param failures failures inside Threadwatch, caught, logged once per place and counted
 */
public record WatchCounters(long events, long windows, long dropped, long failures) {

    /** As the JSON Lines output writes them. */
    public LiveLine.RecorderCounters toLine() {
        return new LiveLine.RecorderCounters(events, windows, dropped, failures);
    }
}
