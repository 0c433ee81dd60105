package io.threadwatch.analyzer.partial;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the events a source replays into the compact form {@link PartialDecoder} reads: a sink that
 * takes a chunk's events in delivery order. Stacks are referred to by identity (sources intern them)
 * and strings by value, each written in full at its first occurrence only.
 */
public final class PartialEncoder implements EventSink {

    static final int END = 0;
    static final int WAIT = 1;
    static final int EVENT = 2;
    static final int TIMED = 1;
    static final int TIMED_OUT = 2;
    static final int KIND_SHIFT = 2;

    private byte[] bytes = new byte[4096];
    private int size;
    private int events;
    private long lastWaitNanos;
    private final Map<Stack, Integer> stacks = new IdentityHashMap<>();
    private final Map<String, Integer> strings = new HashMap<>();
    private boolean finished;

    @Override
    public void blocked(long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                        boolean timed, boolean timedOut, String blocker) {
        requireOpen();
        events++;
        writeByte(WAIT);
        // Waits arrive by end time within each flush segment: the step from the previous one is small.
        writeSigned(timeEpochNanos - lastWaitNanos);
        lastWaitNanos = timeEpochNanos;
        writeByte(kind.ordinal() << KIND_SHIFT | (timed ? TIMED : 0) | (timedOut ? TIMED_OUT : 0));
        writeSigned(threadId);
        writeUnsigned(durationNanos);
        writeStack(stack);
        writeString(blocker);
    }

    @Override
    public void accept(Event event) {
        requireOpen();
        if (event instanceof Blocked wait && EpochNanos.fits(wait.time())) {
            blocked(EpochNanos.of(wait.time()), wait.kind(), wait.threadId(), wait.durationNanos(), wait.stack(),
                    wait.timed(), wait.timedOut(), wait.blocker());
            return;
        }
        events++;
        int type = EventLayout.indexOf(event);
        writeByte(EVENT);
        writeUnsigned(type);
        for (EventLayout.Component component : EventLayout.ALL.get(type).components()) {
            writeComponent(component, value(component, event));
        }
    }

    private static Object value(EventLayout.Component component, Event event) {
        try {
            return (Object) component.accessor().invokeExact((Object) event);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + event.getClass().getSimpleName() + "." + component.name(), e);
        }
    }

    private void writeComponent(EventLayout.Component component, Object value) {
        switch (component.kind()) {
            case LONG -> writeSigned((Long) value);
            case INT -> writeSigned((Integer) value);
            case BOOLEAN -> writeByte((Boolean) value ? 1 : 0);
            case STRING -> writeString((String) value);
            case INSTANT -> {
                Instant instant = (Instant) value;
                writeSigned(instant.getEpochSecond());
                writeUnsigned(instant.getNano());
            }
            case DURATION -> {
                Duration duration = (Duration) value;
                writeSigned(duration.getSeconds());
                writeUnsigned(duration.getNano());
            }
            case STACK -> writeStack((Stack) value);
            case ENUM -> writeUnsigned(((Enum<?>) value).ordinal());
            case STRINGS -> {
                List<?> list = (List<?>) value;
                writeUnsigned(list.size());
                for (Object string : list) {
                    writeString((String) string);
                }
            }
        }
    }

    /** How many events were written. */
    public int events() {
        return events;
    }

    /** Ends the events and returns their bytes; nothing can be written after. */
    public byte[] finish() {
        requireOpen();
        writeByte(END);
        finished = true;
        return Arrays.copyOf(bytes, size);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the partial's events are finished");
        }
    }

    /** A stack: 0 and the stack at its first occurrence, then the 1-based reference. */
    private void writeStack(Stack stack) {
        Integer known = stacks.get(stack);
        if (known != null) {
            writeUnsigned(known);
            return;
        }
        stacks.put(stack, stacks.size() + 1);
        writeUnsigned(0);
        writeUnsigned(stack.frames().size());
        for (Frame frame : stack.frames()) {
            writeString(frame.className());
            writeString(frame.methodName());
            writeSigned(frame.line());
        }
        writeByte(stack.truncated() ? 1 : 0);
    }

    /** A string: 0 and its UTF-8 bytes at its first occurrence, then the 1-based reference. */
    private void writeString(String string) {
        Integer known = strings.get(string);
        if (known != null) {
            writeUnsigned(known);
            return;
        }
        strings.put(string, strings.size() + 1);
        writeUnsigned(0);
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    private void writeSigned(long value) {
        writeUnsigned((value << 1) ^ (value >> 63));
    }

    /** 7 bits a byte, low bits first; the value's bits as unsigned. */
    private void writeUnsigned(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    private void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
