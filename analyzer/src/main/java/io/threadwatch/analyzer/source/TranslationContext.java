package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/** What translators share within one replay: the stack table and the event type ids. */
final class TranslationContext {

    /** Bounds the identity cache; the content-keyed {@link StackTable} dedupes whatever it misses. */
    private static final int IDENTITY_CACHE_LIMIT = 16_384;

    private final StackTable stacks;
    private final Map<Long, String> eventTypeNames = new HashMap<>();
    /**
     * The JDK parser resolves a constant-pool stack once per chunk and hands out the same object
     * for every event that refers to it, so an identity lookup skips converting frames again.
     */
    private final Map<RecordedStackTrace, Stack> converted = new IdentityHashMap<>();

    TranslationContext(StackTable stacks) {
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

    /** The Java thread id, or {@code -1} for no thread (JFR's "N/A"). */
    static long threadId(RecordedThread thread) {
        return thread == null ? -1 : thread.getJavaThreadId();
    }

    /** Whether a thread is virtual; read as a field so that a JDK 17 reader sees it in a JDK 21+ file. */
    static boolean isVirtual(RecordedThread thread) {
        return thread != null && thread.hasField("virtual") && thread.getBoolean("virtual");
    }

    /** A string field of an event that older JDKs may not have, or the empty string. */
    static String optionalString(jdk.jfr.consumer.RecordedObject object, String field) {
        if (!object.hasField(field)) {
            return "";
        }
        String value = object.getString(field);
        return value == null ? "" : value;
    }

    /** A class's name, or the empty string. */
    static String className(RecordedClass type) {
        return type == null ? "" : type.getName();
    }

    /** Remembers an event type id from the recording's metadata. */
    void registerEventType(long id, String name) {
        eventTypeNames.put(id, name);
    }

    /** The name of an event type id, or the empty string when the metadata did not list it. */
    String eventTypeName(long id) {
        return eventTypeNames.getOrDefault(id, "");
    }
}
