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
        if (trace == null || trace.getFrames() == null) {
            return Stack.EMPTY;
        }
        Stack stack = converted.get(trace);
        if (stack == null) {
            List<Frame> frames = new ArrayList<>(trace.getFrames().size());
            for (IMCFrame frame : trace.getFrames()) {
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
            stack = stacks.intern(frames, trace.getTruncationState() == IMCStackTrace.TruncationState.TRUNCATED);
            if (converted.size() >= IDENTITY_CACHE_LIMIT) {
                converted.clear();
            }
            converted.put(trace, stack);
        }
        return stack;
    }
}
