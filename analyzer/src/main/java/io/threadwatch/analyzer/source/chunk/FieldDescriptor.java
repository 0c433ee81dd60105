package io.threadwatch.analyzer.source.chunk;

/**
 * One field of a type, as the chunk's metadata declares it.
 *
 * @param name         the field name
 * @param typeId       the id of its type
 * @param constantPool whether values are keys into the type's constant pool
 * @param array        whether the field is an array of its type
 * @param unit         the {@code @Timespan} or {@code @Timestamp} unit, or {@link TimeUnit#NONE}
 */
public record FieldDescriptor(String name, long typeId, boolean constantPool, boolean array, TimeUnit unit) {

    /** The units of JFR's {@code @Timespan} and {@code @Timestamp} annotations. */
    public enum TimeUnit {
        NONE, TICKS, NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MILLISECONDS_SINCE_EPOCH
    }
}
