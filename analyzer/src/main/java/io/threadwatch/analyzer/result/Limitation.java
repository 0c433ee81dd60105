package io.threadwatch.analyzer.result;

import java.util.List;

/**
 * Something the recording could not show, so that missing findings are not read as health.
 *
 * @param id      a stable id, e.g. {@code thread-dumps-per-chunk}
 * @param message what is missing, what it means, and the JFR setting that would fix it
 * @param kinds   the finding kinds it affects
 */
public record Limitation(String id, String message, List<String> kinds) {

    public Limitation {
        kinds = List.copyOf(kinds);
    }
}
