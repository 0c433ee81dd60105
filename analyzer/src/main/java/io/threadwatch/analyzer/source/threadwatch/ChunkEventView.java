package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.chunk.DecodedObject;
import io.threadwatch.analyzer.source.chunk.FieldDescriptor;
import io.threadwatch.analyzer.source.chunk.JfrChunk;
import io.threadwatch.analyzer.source.chunk.LongKeyCache;
import io.threadwatch.analyzer.source.translate.RecordFields;
import io.threadwatch.analyzer.source.translate.SourceEvent;
import io.threadwatch.analyzer.source.translate.ThreadRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Threadwatch's own chunk decoder seen through {@link SourceEvent}. One view per chunk is pointed
 * at each event in turn; a struct field gets a view of its own that shares the chunk's caches.
 * Threads, classes and stacks are converted once per chunk and key. As with the JDK's
 * {@code RecordedObject}, the event methods mean nothing on a struct's view, which callers only
 * see as {@link RecordFields}.
 */
final class ChunkEventView implements SourceEvent {

    private final JfrChunk chunk;
    private final StackTable stackTable;
    private final LongKeyCache<ThreadRef> threads;
    private final LongKeyCache<String> classNames;
    private final LongKeyCache<Stack> stacks;
    private DecodedObject object;

    ChunkEventView(JfrChunk chunk, StackTable stackTable) {
        this.chunk = chunk;
        this.stackTable = stackTable;
        this.threads = new LongKeyCache<>();
        this.classNames = new LongKeyCache<>();
        this.stacks = new LongKeyCache<>();
    }

    private ChunkEventView(ChunkEventView event, DecodedObject struct) {
        this.chunk = event.chunk;
        this.stackTable = event.stackTable;
        this.threads = event.threads;
        this.classNames = event.classNames;
        this.stacks = event.stacks;
        this.object = struct;
    }

    /** Points the view at the next event. */
    ChunkEventView of(DecodedObject next) {
        this.object = next;
        return this;
    }

    @Override
    public Instant startTime() {
        return EpochNanos.toInstant(chunk.epochNanos(object.startTicks()));
    }

    @Override
    public Instant endTime() {
        return EpochNanos.toInstant(endEpochNanos());
    }

    @Override
    public long endEpochNanos() {
        return chunk.epochNanos(object.endTicks());
    }

    @Override
    public long durationNanos() {
        return chunk.epochNanos(object.endTicks()) - chunk.epochNanos(object.startTicks());
    }

    @Override
    public Stack stack() {
        int index = object.type().stackTraceIndex();
        if (index < 0) {
            return Stack.EMPTY;
        }
        long key = object.bits(index);
        Object cached = stacks.find(key);
        if (cached != LongKeyCache.ABSENT) {
            return (Stack) cached;
        }
        Stack stack = convert(chunk.resolve(object.type().fields().get(index).typeId(), key));
        stacks.put(key, stack);
        return stack;
    }

    private Stack convert(Object trace) {
        if (!(trace instanceof DecodedObject stackTrace)) {
            return Stack.EMPTY;
        }
        Object[] frames = value(stackTrace, "frames") instanceof Object[] array ? array : new Object[0];
        List<Frame> converted = new ArrayList<>(frames.length);
        for (Object element : frames) {
            if (element instanceof DecodedObject frame && value(frame, "method") instanceof DecodedObject method) {
                converted.add(new Frame(className(method, "type"), string(value(method, "name")),
                        (int) integral(value(frame, "lineNumber"))));
            }
        }
        boolean truncated = Boolean.TRUE.equals(value(stackTrace, "truncated"));
        synchronized (stackTable) {
            return stackTable.intern(converted, truncated);
        }
    }

    @Override
    public ThreadRef thread() {
        return thread(object.type().eventThreadIndex());
    }

    @Override
    public boolean hasField(String name) {
        return index(name) >= 0;
    }

    @Override
    public long getLong(String name) {
        int index = index(name);
        if (index < 0) {
            return 0;
        }
        FieldDescriptor field = object.type().fields().get(index);
        return field.constantPool() || field.array() ? integral(chunk.value(object, index)) : object.bits(index);
    }

    @Override
    public boolean getBoolean(String name) {
        int index = index(name);
        return index >= 0 && object.bits(index) != 0;
    }

    @Override
    public String getString(String name) {
        int index = index(name);
        return index >= 0 && chunk.value(object, index) instanceof String s ? s : null;
    }

    @Override
    public String className(String name) {
        return className(object, name);
    }

    @Override
    public RecordFields struct(String name) {
        int index = index(name);
        return index >= 0 && chunk.value(object, index) instanceof DecodedObject struct
                ? new ChunkEventView(this, struct) : null;
    }

    @Override
    public ThreadRef thread(String name) {
        return thread(index(name));
    }

    private ThreadRef thread(int index) {
        if (index < 0) {
            return null;
        }
        FieldDescriptor field = object.type().fields().get(index);
        if (!field.constantPool()) {
            return toThread(chunk.value(object, index));
        }
        long key = object.bits(index);
        Object cached = threads.find(key);
        if (cached != LongKeyCache.ABSENT) {
            return (ThreadRef) cached;
        }
        ThreadRef thread = toThread(chunk.resolve(field.typeId(), key));
        threads.put(key, thread);
        return thread;
    }

    private ThreadRef toThread(Object value) {
        if (!(value instanceof DecodedObject thread)) {
            return null;
        }
        return new ThreadRef(longValue(thread, "javaThreadId"), string(value(thread, "javaName")),
                Boolean.TRUE.equals(value(thread, "virtual")));
    }

    @Override
    public long durationNanos(String name) {
        int index = index(name);
        if (index < 0) {
            return 0;
        }
        long raw = object.bits(index);
        if (raw == Long.MIN_VALUE || raw == Long.MAX_VALUE) {
            return raw;
        }
        return switch (object.type().fields().get(index).unit()) {
            case TICKS -> chunk.spanNanos(raw);
            case MICROSECONDS -> saturated(raw, 1_000L);
            case MILLISECONDS -> saturated(raw, 1_000_000L);
            case SECONDS -> saturated(raw, 1_000_000_000L);
            default -> raw;
        };
    }

    @Override
    public Instant instant(String name) {
        int index = index(name);
        if (index < 0) {
            return null;
        }
        long raw = object.bits(index);
        if (raw == Long.MIN_VALUE) {
            return null;
        }
        return object.type().fields().get(index).unit() == FieldDescriptor.TimeUnit.TICKS
                ? EpochNanos.toInstant(chunk.epochNanos(raw)) : Instant.ofEpochMilli(raw);
    }

    private int index(String name) {
        return object.type().indexOf(name);
    }

    /** An integral field's value without boxing it: new threads come in every event of a churning pool. */
    private long longValue(DecodedObject decoded, String field) {
        int index = decoded.type().indexOf(field);
        if (index < 0) {
            return 0;
        }
        return chunk.longValue(decoded, index);
    }

    private Object value(DecodedObject decoded, String field) {
        int index = decoded.type().indexOf(field);
        return index < 0 ? null : chunk.value(decoded, index);
    }

    /** The name of the class a field refers to, cached per constant-pool key. */
    private String className(DecodedObject decoded, String field) {
        int index = decoded.type().indexOf(field);
        if (index < 0) {
            return "";
        }
        FieldDescriptor descriptor = decoded.type().fields().get(index);
        if (!descriptor.constantPool()) {
            return chunk.value(decoded, index) instanceof DecodedObject type ? javaName(type) : "";
        }
        long key = decoded.bits(index);
        Object cached = classNames.find(key);
        if (cached != LongKeyCache.ABSENT) {
            return (String) cached;
        }
        String name = chunk.resolve(descriptor.typeId(), key) instanceof DecodedObject type ? javaName(type) : "";
        classNames.put(key, name);
        return name;
    }

    /** A class's name as Java spells it: the JVM writes the internal form, {@code java/lang/Thread}. */
    private String javaName(DecodedObject type) {
        return string(value(type, "name")).replace('/', '.');
    }

    private static String string(Object value) {
        return value instanceof String s ? s : "";
    }

    private static long integral(Object value) {
        return value instanceof Long l ? l : 0;
    }

    private static long saturated(long value, long factor) {
        long product = value * factor;
        return value != 0 && product / factor != value ? (value < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : product;
    }
}
