package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One line of the live recorder's JSON Lines output ({@code line-v1.schema.json}): a closed window
 * with its SLIs, or a finding that fired or cleared. Every line names its schema and type, so a
 * consumer can read a stream of both.
 */
public sealed interface LiveLine permits LiveLine.WindowLine, LiveLine.FindingLine {

    /** The schema id every line carries. */
    String SCHEMA = "threadwatch.line/v1";

    /** The line's type: {@code window} or {@code finding}. */
    String type();

    /**
     * A window closed.
     *
     * @param schema   {@link #SCHEMA}
     * @param type     {@code window}
     * @param start    the window's start
     * @param end      the window's end
     * @param slis     its SLI samples
     * @param recorder the recorder's own counters at the window's end
     */
    @JsonPropertyOrder({"schema", "type", "start", "end", "slis", "recorder"})
    record WindowLine(String schema, String type, String start, String end, List<SliPoint> slis,
                      RecorderCounters recorder) implements LiveLine {

        public WindowLine {
            slis = List.copyOf(slis);
            Objects.requireNonNull(recorder, "recorder");
        }

        public static WindowLine of(String start, String end, List<SliPoint> slis, RecorderCounters recorder) {
            return new WindowLine(SCHEMA, "window", start, end, slis, recorder);
        }
    }

    /**
     * A finding fired or cleared at the end of a window.
     *
     * @param schema  {@link #SCHEMA}
     * @param type    {@code finding}
     * @param state   {@code fired} or {@code cleared}
     * @param time    the end of the window in which it changed
     * @param finding the finding; a fired one with the evidence of that moment
     */
    @JsonPropertyOrder({"schema", "type", "state", "time", "finding"})
    record FindingLine(String schema, String type, String state, String time, Finding finding) implements LiveLine {

        public FindingLine {
            Objects.requireNonNull(finding, "finding");
        }

        public static FindingLine of(String state, String time, Finding finding) {
            return new FindingLine(SCHEMA, "finding", state, time, finding);
        }
    }

    /**
     * What the recorder did so far, so that its own health is visible where its output is read;
     * also what {@code Watch.counters()} returns.
     *
     * @param events   JFR events read
     * @param windows  windows closed
     * @param dropped  outputs dropped because a queue was full (lines, evidence captures)
     * @param failures failures inside Threadwatch, caught and counted
     */
    @JsonPropertyOrder({"events", "windows", "dropped", "failures"})
    record RecorderCounters(long events, long windows, long dropped, long failures) {
    }
}
