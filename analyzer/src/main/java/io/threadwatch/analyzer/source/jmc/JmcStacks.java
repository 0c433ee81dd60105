package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCType;

/** Converts JMC's stack traces into interned {@link Stack}s, with the JDK parser's class and method names. */
final class JmcStacks {

    /** Bounds the identity cache; the content-keyed {@link StackTable} dedupes whatever it misses. */
    private static final int IDENTITY_CACHE_LIMIT = 16_384;

    private final StackTable stacks;
    /** JMC shares one stack trace object among the events of a chunk that refer to it. */
    private final Map<IMCStackTrace, Stack> converted = new IdentityHashMap<>();

    JmcStacks(StackTable stacks) {
        this.stacks = stacks;
    }

    /** The interned stack of a JMC stack trace; {@link Stack#EMPTY} for none. */
    Stack stack(IMCStackTrace trace) {
        if (trace == null) {
            return Stack.EMPTY;
        }
        Stack stack = converted.get(trace);
        if (stack == null) {
            try {
                stack = convert(trace);
            } catch (ClassCastException e) {
                // JMC types a struct's fields by the chunk's metadata and casts only when asked: a
                // renamed or retyped jdk.types.Method gives an Object[] where a method should be
                // (found by DamagedRecordingFuzzTest). The JDK's parser rejects such a file too.
                throw new DamagedStack(e);
            }
            if (converted.size() >= IDENTITY_CACHE_LIMIT) {
                converted.clear();
            }
            converted.put(trace, stack);
        }
        return stack;
    }

    private Stack convert(IMCStackTrace trace) {
        List<? extends IMCFrame> jmcFrames = trace.getFrames();
        if (jmcFrames == null) {
            return Stack.EMPTY;
        }
        List<Frame> frames = new ArrayList<>(jmcFrames.size());
        for (IMCFrame frame : jmcFrames) {
            IMCMethod method = frame == null ? null : frame.getMethod();
            if (method == null) {
                continue;
            }
            IMCType type = method.getType();
            String name = method.getMethodName();
            Integer line = frame.getFrameLineNumber();
            frames.add(new Frame(type == null ? "" : JmcFields.className(type), name == null ? "" : name,
                    line == null ? -1 : line));
        }
        return stacks.intern(frames, trace.getTruncationState() == IMCStackTrace.TruncationState.TRUNCATED);
    }

    /** A stack trace whose fields JMC decoded with types other than the JFR format's: damaged metadata. */
    static final class DamagedStack extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DamagedStack(ClassCastException cause) {
            super("a stack trace's fields have the wrong types (damaged metadata): " + cause.getMessage(), cause);
        }
    }
}
