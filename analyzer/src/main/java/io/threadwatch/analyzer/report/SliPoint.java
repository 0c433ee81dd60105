package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One SLI sample: {@code name{labels} = value} at the end of a window, as report v1 writes it
 * (rendered by {@link Rendering#slis} from the engine's {@code result.SliSample}).
 *
 * @param time   the window's end
 * @param name   the SLI name
 * @param labels its labels, sorted
 * @param value  its value, in the SLI's unit
 */
@JsonPropertyOrder({"time", "name", "labels", "value"})
public record SliPoint(String time, String name, SortedMap<String, String> labels, double value) {

    public SliPoint {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
