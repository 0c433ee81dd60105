package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.chunk.DecodedObject;
import io.threadwatch.analyzer.source.chunk.FieldDescriptor;
import io.threadwatch.analyzer.source.chunk.JfrChunk;
import io.threadwatch.analyzer.source.chunk.LongKeyCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Threadwatch's own chunk decoder seen through {@link SourceEvent}. One view per chunk is pointed
 * at each event in turn; threads, classes and stacks are converted once per chunk and key.
 */
final class ChunkEventView implements SourceEvent {

    private final JfrChunk chunk;
    private final StackTable stackTable;
    private final LongKeyCache<ThreadRef> threads = new LongKeyCache<>();
    private final LongKeyCache<String> classNames = new LongKeyCache<>();
    private final LongKeyCache<Stack> stacks = new LongKeyCache<>();
    private final Fields fields = new Fields();
    private DecodedObject event;

    ChunkEventView(JfrChunk chunk, StackTable stackTable) {
        this.chunk = chunk;
        this.stackTable = stackTable;
    }

    /** Points the view at the next event. */
    ChunkEventView of(DecodedObject next) {
        this.event = next;
        fields.object = next;
        return this;
    }

    @Override
    public Instant startTime() {
        return instantOfNanos(chunk.epochNanos(event.startTicks()));
    }

    @Override
    public Instant endTime() {
        return instantOfNanos(chunk.epochNanos(event.endTicks()));
    }

    @Override
    public long durationNanos() {
        return chunk.epochNanos(event.endTicks()) - chunk.epochNanos(event.startTicks());
    }

    @Override
    public Stack stack() {
        int index = event.type().stackTraceIndex();
        if (index < 0) {
            return Stack.EMPTY;
        }
        long key = event.bits(index);
        Object cached = stacks.find(key);
        if (cached != LongKeyCache.ABSENT) {
            return (Stack) cached;
        }
        Stack stack = convert(chunk.resolve(event.type().fields().get(index).typeId(), key));
        stacks.put(key, stack);
        return stack;
    }

    private Stack convert(Object trace) {
        if (!(trace instanceof DecodedObject stackTrace)) {
            return Stack.EMPTY;
        }
        Object[] frames = array(stackTrace, "frames");
        List<Frame> converted = new ArrayList<>(frames.length);
        for (Object element : frames) {
            if (element instanceof DecodedObject frame) {
                Object method = value(frame, "method");
                if (method instanceof DecodedObject m) {
                    converted.add(new Frame(className(m, "type"), string(value(m, "name")),
                            (int) integral(value(frame, "lineNumber"))));
                }
            }
        }
        boolean truncated = Boolean.TRUE.equals(value(stackTrace, "truncated"));
        synchronized (stackTable) {
            return stackTable.intern(converted, truncated);
        }
    }

    @Override
    public boolean hasField(String name) {
        return fields.hasField(name);
    }

    @Override
    public long getLong(String name) {
        return fields.getLong(name);
    }

    @Override
    public boolean getBoolean(String name) {
        return fields.getBoolean(name);
    }

    @Override
    public String getString(String name) {
        return fields.getString(name);
    }

    @Override
    public String className(String name) {
        return fields.className(name);
    }

    @Override
    public RecordFields struct(String name) {
        return fields.struct(name);
    }

    @Override
    public ThreadRef thread(String name) {
        return fields.thread(name);
    }

    @Override
    public ThreadRef thread() {
        return fields.thread(event.type().eventThreadIndex());
    }

    @Override
    public long durationNanos(String name) {
        return fields.durationNanos(name);
    }

    @Override
    public Instant instant(String name) {
        return fields.instant(name);
    }

    private static Instant instantOfNanos(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private Object value(DecodedObject object, String field) {
        int index = object.type().indexOf(field);
        return index < 0 ? null : chunk.value(object, index);
    }

    private Object[] array(DecodedObject object, String field) {
        return value(object, field) instanceof Object[] array ? array : new Object[0];
    }

    private static String string(Object value) {
        return value instanceof String s ? s : "";
    }

    private static long integral(Object value) {
        return value instanceof Long l ? l : 0;
    }

    /** The name of the class a constant-pool field refers to, cached per key. */
    private String className(DecodedObject object, String field) {
        int index = object.type().indexOf(field);
        if (index < 0) {
            return "";
        }
        FieldDescriptor descriptor = object.type().fields().get(index);
        if (!descriptor.constantPool()) {
            return chunk.value(object, index) instanceof DecodedObject type ? javaName(type) : "";
        }
        return classNames.get(object.bits(index),
                key -> chunk.resolve(descriptor.typeId(), key) instanceof DecodedObject type ? javaName(type) : "");
    }

    /** A class's name as Java spells it: the JVM writes the internal form, {@code java/lang/Thread}. */
    private String javaName(DecodedObject type) {
        return string(value(type, "name")).replace('/', '.');
    }

    /** The fields of an event or of a struct inside one. */
    private final class Fields implements RecordFields {

        private DecodedObject object;

        Fields() {
        }

        Fields(DecodedObject object) {
            this.object = object;
        }

        private int index(String name) {
            return object.type().indexOf(name);
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
            if (index < 0) {
                return null;
            }
            return chunk.value(object, index) instanceof String s ? s : null;
        }

        @Override
        public String className(String name) {
            return ChunkEventView.this.className(object, name);
        }

        @Override
        public RecordFields struct(String name) {
            int index = index(name);
            if (index < 0) {
                return null;
            }
            return chunk.value(object, index) instanceof DecodedObject struct ? new Fields(struct) : null;
        }

        @Override
        public ThreadRef thread(String name) {
            return thread(index(name));
        }

        ThreadRef thread(int index) {
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
            return new ThreadRef(integral(value(thread, "javaThreadId")), string(value(thread, "javaName")),
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
                    ? instantOfNanos(chunk.epochNanos(raw)) : Instant.ofEpochMilli(raw);
        }

        private long saturated(long value, long factor) {
            long product = value * factor;
            return value != 0 && product / factor != value ? (value < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : product;
        }
    }
}
