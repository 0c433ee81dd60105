package io.threadwatch.analyzer.source.chunk;

/**
 * The decoded fields of one event, struct or constant-pool entry. Integral, boolean and
 * floating-point fields and constant-pool keys live unboxed in {@link #bits}; strings, inline
 * structs and arrays in {@link #refs}. Events are decoded into one reused object per type, so a
 * consumer must copy what it keeps before the next event.
 */
public final class DecodedObject {

    final TypeDescriptor type;
    final long[] bits;
    final Object[] refs;
    long startTicks;
    long durationTicks;

    DecodedObject(TypeDescriptor type) {
        this.type = type;
        int fields = type.fields().size();
        this.bits = new long[fields];
        this.refs = new Object[fields];
    }

    public TypeDescriptor type() {
        return type;
    }

    /** For events: the start time, in ticks. */
    public long startTicks() {
        return startTicks;
    }

    /** For events: the duration, in ticks (0 for an instant event). */
    public long durationTicks() {
        return durationTicks;
    }

    /** For events: when the event committed, in ticks; the JDK's ordered streams sort by this. */
    public long endTicks() {
        return startTicks + durationTicks;
    }

    /** The raw bits of field {@code index}: the value of an integral field, the key of a constant-pool field. */
    public long bits(int index) {
        return bits[index];
    }

    /** The string, struct ({@link DecodedObject}) or array ({@code Object[]}) of field {@code index}. */
    public Object ref(int index) {
        return refs[index];
    }
}
