package io.threadwatch.analyzer.source.translate;

import java.time.Instant;

/**
 * The fields of one JFR event, or of a struct inside one, as translators read them, whichever
 * parser decoded the recording. Names are plain JFR field names ({@code jfr metadata}), not dotted
 * paths: reach into a struct with {@link #struct(String)}. A field the
 * recording's metadata does not declare reads as absent: {@code 0}, {@code false} or {@code null}.
 */
public interface RecordFields {

    /** Whether the recording's metadata declares the field for this type. */
    boolean hasField(String name);

    /** An integral field (byte to long), widened; sentinels such as {@code Long.MIN_VALUE} stay as written. */
    long getLong(String name);

    /** An integral field narrowed to {@code int}. */
    default int getInt(String name) {
        return (int) getLong(name);
    }

    boolean getBoolean(String name);

    /** A string field, or {@code null}. */
    String getString(String name);

    /** A string field that older JDKs may not have, or the empty string for absent and null. */
    default String optionalString(String name) {
        if (!hasField(name)) {
            return "";
        }
        String value = getString(name);
        return value == null ? "" : value;
    }

    /** The name of a {@code java.lang.Class} field, or the empty string for null. */
    String className(String name);

    /** A struct field ({@code jdk.types.OldObject}, {@code jdk.types.Reference}, …), or {@code null}. */
    RecordFields struct(String name);

    /** A {@code java.lang.Thread} field, or {@code null} for JFR's "N/A". */
    ThreadRef thread(String name);

    /**
     * A {@code @Timespan} field in nanoseconds, converted from its unit; {@code Long.MIN_VALUE}
     * (not set) stays as it is.
     */
    long durationNanos(String name);

    /** A {@code @Timestamp} field, or {@code null} when not set. */
    Instant instant(String name);
}
