package io.threadwatch.analyzer.source.jdk;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** Converts the JDK parser's stack traces into interned {@link Stack}s. */
final class RecordedStacks {

    /** Bounds the identity cache; the content-keyed {@link StackTable} dedupes whatever it misses. */
    private static final int IDENTITY_CACHE_LIMIT = 16_384;

    private final StackTable stacks;
    /**
     * The JDK parser resolves a constant-pool stack once per chunk and hands out the same object
     * for every event that refers to it, so an identity lookup skips converting frames again.
     */
    private final Map<RecordedStackTrace, Stack> converted = new IdentityHashMap<>();

    RecordedStacks(StackTable stacks) {
        this.stacks = stacks;
    }

    /** The interned stack of a JFR stack trace; {@link Stack#EMPTY} for none. */
    Stack stack(RecordedStackTrace trace) {
        if (trace == null) {
            return Stack.EMPTY;
        }
        Stack stack = converted.get(trace);
        if (stack == null) {
            List<Frame> frames = new ArrayList<>(trace.getFrames().size());
            for (RecordedFrame frame : trace.getFrames()) {
                RecordedMethod method = frame.getMethod();
                if (method == null) {
                    continue;
                }
                RecordedClass type = method.getType();
                frames.add(new Frame(type == null ? "" : type.getName(), method.getName(), frame.getLineNumber()));
            }
            stack = stacks.intern(frames, trace.isTruncated());
            if (converted.size() >= IDENTITY_CACHE_LIMIT) {
                converted.clear();
            }
            converted.put(trace, stack);
        }
        return stack;
    }
}
