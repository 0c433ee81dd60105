package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.result.Evidence;
import java.util.ArrayList;
import java.util.List;

/** A stack as evidence shows it: {@code at frame} lines, top first, as {@code jstack} prints them. */
final class StackLines {

    private StackLines() {
    }

    /** The first {@link Evidence#MAX_FRAMES} frames of {@code stack}. */
    static List<String> of(Stack stack) {
        List<String> lines = new ArrayList<>();
        for (Frame frame : stack.frames()) {
            lines.add("at " + frame);
            if (lines.size() == Evidence.MAX_FRAMES) {
                break;
            }
        }
        return lines;
    }
}
