package io.threadwatch.analyzer.partial;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays events written by {@link PartialEncoder} into a sink, in the order they were written,
 * waits by their fields. Bytes that are not such events (damaged in transit, cut short, another
 * format) give an {@link IllegalArgumentException} that says where, never another failure.
 */
public final class PartialDecoder {

    private static final BlockingKind[] KINDS = BlockingKind.values();

    /** Damage found in the bytes, its message saying what and where. */
    public static final class Damaged extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private Damaged(String message) {
            super(message);
        }
    }

    /**
     * What the sink threw, carried past the decoder's own catch: an engine's
     * {@code IllegalArgumentException} or index error is not damage in the bytes, and must not be
     * reported as such.
     */
    private static final class SinkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private final byte[] bytes;
    private final StackTable stackTable;
    private final List<Stack> stacks = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private int at;
    private long lastWaitNanos;

    private PartialDecoder(byte[] bytes, StackTable stackTable) {
        this.bytes = bytes;
        this.stackTable = stackTable;
    }

    /**
     * Sends every event in {@code bytes} to {@code sink}, interning stacks in {@code stacks}.
     *
     * @return how many events were sent
     * @throws Damaged when the bytes are not events as {@link PartialEncoder} writes them; the events
     *                  before the damage have been sent. What {@code sink} throws comes out as it is,
     *                  never as damage.
     */
    public static int replay(byte[] bytes, StackTable stacks, EventSink sink) {
        return new PartialDecoder(bytes, stacks).replay(sink);
    }

    private int replay(EventSink sink) {
        int events = 0;
        try {
            while (true) {
                int tag = readByte();
                if (tag == PartialEncoder.END) {
                    if (at != bytes.length) {
                        throw damaged((bytes.length - at) + " bytes after the end of the events");
                    }
                    return events;
                } else if (tag == PartialEncoder.WAIT) {
                    replayWait(sink);
                } else if (tag == PartialEncoder.EVENT) {
                    Event event = readEvent();
                    try {
                        sink.accept(event);
                    } catch (RuntimeException e) {
                        throw new SinkFailed(e);
                    }
                } else {
                    throw damaged("unknown record tag " + tag);
                }
                events++;
            }
        } catch (Damaged e) {
            throw e;
        } catch (SinkFailed e) {
            throw (RuntimeException) e.getCause();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw damaged("the events end in the middle of a record");
        } catch (NullPointerException | IllegalArgumentException | ClassCastException | DateTimeException
                 | ArithmeticException e) {
            throw damaged("a value is not what its event allows: " + e.getMessage());
        }
    }

    private void replayWait(EventSink sink) {
        long time = lastWaitNanos + readSigned();
        lastWaitNanos = time;
        int flags = readByte();
        int kind = flags >>> PartialEncoder.KIND_SHIFT;
        if (kind >= KINDS.length) {
            throw damaged("unknown wait kind " + kind);
        }
        long threadId = readSigned();
        long duration = readUnsigned();
        Stack stack = readStack();
        String blocker = readString();
        try {
            sink.blocked(time, KINDS[kind], threadId, duration, stack, (flags & PartialEncoder.TIMED) != 0,
                    (flags & PartialEncoder.TIMED_OUT) != 0, blocker);
        } catch (RuntimeException e) {
            throw new SinkFailed(e);
        }
    }

    private Event readEvent() {
        int type = readCount();
        if (type >= EventLayout.ALL.size()) {
            throw damaged("unknown event type " + type);
        }
        EventLayout layout = EventLayout.ALL.get(type);
        Object[] values = new Object[layout.components().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readComponent(layout.components().get(i));
        }
        try {
            return (Event) (Object) layout.constructor().invokeExact(values);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged(layout.type().getSimpleName() + ": " + e.getMessage());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build " + layout.type().getSimpleName(), e);
        }
    }

    private Object readComponent(EventLayout.Component component) {
        return switch (component.kind()) {
            case LONG -> readSigned();
            case INT -> Math.toIntExact(readSigned());
            case BOOLEAN -> readByte() != 0;
            case STRING -> readString();
            case INSTANT -> Instant.ofEpochSecond(readSigned(), readUnsigned());
            case DURATION -> Duration.ofSeconds(readSigned(), readUnsigned());
            case STACK -> readStack();
            case ENUM -> {
                int ordinal = readCount();
                if (ordinal >= component.constants().length) {
                    throw damaged("unknown " + component.name() + " " + ordinal);
                }
                yield component.constants()[ordinal];
            }
            case STRINGS -> {
                int count = readCount();
                List<String> list = new ArrayList<>(Math.min(count, 64));
                for (int i = 0; i < count; i++) {
                    list.add(readString());
                }
                yield List.copyOf(list);
            }
        };
    }

    private Stack readStack() {
        int reference = readCount();
        if (reference > 0) {
            return known(stacks, reference, "stack");
        }
        int count = readCount();
        List<Frame> frames = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            frames.add(new Frame(readString(), readString(), Math.toIntExact(readSigned())));
        }
        Stack stack = stackTable.intern(frames, readByte() != 0);
        stacks.add(stack);
        return stack;
    }

    private String readString() {
        int reference = readCount();
        if (reference > 0) {
            return known(strings, reference, "string");
        }
        int length = readCount();
        if (length > bytes.length - at) {
            throw damaged("a string of " + length + " bytes where " + (bytes.length - at) + " are left");
        }
        String string = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        strings.add(string);
        return string;
    }

    /** A value written in full earlier, by its 1-based reference. */
    private <T> T known(List<T> written, int reference, String what) {
        if (reference > written.size()) {
            throw damaged(what + " " + reference + " before its first occurrence");
        }
        return written.get(reference - 1);
    }

    /** A count or reference: unsigned and within an {@code int}. */
    private int readCount() {
        long value = readUnsigned();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw damaged("a count of " + Long.toUnsignedString(value));
        }
        return (int) value;
    }

    private long readSigned() {
        long raw = readUnsigned();
        return (raw >>> 1) ^ -(raw & 1);
    }

    private long readUnsigned() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = bytes[at++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw damaged("a number longer than 64 bits");
    }

    private int readByte() {
        return bytes[at++] & 0xFF;
    }

    private IllegalArgumentException damaged(String why) {
        return new Damaged("damaged partial events: " + why + " (at byte " + at + " of " + bytes.length + ")");
    }
}
