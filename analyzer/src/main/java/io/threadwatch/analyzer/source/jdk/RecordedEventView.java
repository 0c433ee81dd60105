package io.threadwatch.analyzer.source.jdk;

import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.source.translate.RecordFields;
import io.threadwatch.analyzer.source.translate.SourceEvent;
import io.threadwatch.analyzer.source.translate.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;

/** The JDK parser's {@link RecordedEvent} (and its structs) seen through {@link SourceEvent}. */
class RecordedEventView implements SourceEvent {

    private final RecordedObject object;
    private final RecordedStacks stacks;

    private RecordedEventView(RecordedObject object, RecordedStacks stacks) {
        this.object = object;
        this.stacks = stacks;
    }

    static SourceEvent of(RecordedEvent event, RecordedStacks stacks) {
        return new RecordedEventView(event, stacks);
    }

    private RecordedEvent event() {
        return (RecordedEvent) object;
    }

    @Override
    public Instant startTime() {
        return event().getStartTime();
    }

    @Override
    public Instant endTime() {
        return event().getEndTime();
    }

    @Override
    public long durationNanos() {
        return event().getDuration().toNanos();
    }

    @Override
    public Stack stack() {
        return stacks.stack(event().getStackTrace());
    }

    @Override
    public boolean hasField(String name) {
        return object.hasField(name);
    }

    @Override
    public long getLong(String name) {
        return object.hasField(name) ? object.getLong(name) : 0;
    }

    @Override
    public boolean getBoolean(String name) {
        return object.hasField(name) && object.getBoolean(name);
    }

    @Override
    public String getString(String name) {
        return object.hasField(name) ? object.getString(name) : null;
    }

    @Override
    public String className(String name) {
        RecordedClass type = object.hasField(name) ? object.getClass(name) : null;
        return type == null ? "" : type.getName();
    }

    @Override
    public RecordFields struct(String name) {
        RecordedObject value = object.hasField(name) ? object.getValue(name) : null;
        return value == null ? null : new RecordedEventView(value, stacks);
    }

    @Override
    public ThreadRef thread(String name) {
        RecordedThread thread = object.hasField(name) ? object.getThread(name) : null;
        if (thread == null) {
            return null;
        }
        String javaName = thread.getJavaName();
        // Read as a field so that a JDK 17 reader sees it in a JDK 21+ file.
        boolean virtual = thread.hasField("virtual") && thread.getBoolean("virtual");
        return new ThreadRef(thread.getJavaThreadId(), javaName == null ? "" : javaName, virtual);
    }

    @Override
    public long durationNanos(String name) {
        if (!object.hasField(name)) {
            return 0;
        }
        Duration duration = object.getDuration(name);
        return duration.getSeconds() == Long.MIN_VALUE ? Long.MIN_VALUE : saturatedNanos(duration);
    }

    @Override
    public Instant instant(String name) {
        return object.hasField(name) ? object.getInstant(name) : null;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
