package io.threadwatch.analyzer.source.chunk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;

/**
 * One JFR chunk, decoded on demand: its header, its metadata, and an index of its constant pools
 * (where each entry's bytes are, not their values). Events of the requested types are decoded
 * field by field into reused {@link DecodedObject}s; every other event is skipped by its size.
 * Constant-pool entries are decoded when first looked up and kept for the rest of the chunk, so a
 * stack trace or thread costs one decode per chunk however many events refer to it.
 *
 * <p>A chunk is self-contained (jfr-reference §12), so chunks decode independently, in parallel.
 * One instance is used by one thread.
 */
public final class JfrChunk {

    private static final int FLUSH_CHECKPOINT = 1;
    private static final int MAX_NESTING = 16;

    private final ChunkBytes in;
    private final long startNanos;
    private final long startTicks;
    private final double ticksPerNano;
    private final Map<Long, TypeDescriptor> types;
    /**
     * Where each constant-pool entry starts, by type id and key. Looked up whenever an event meets
     * a key not decoded yet (every new thread of a churning pool), so no key is boxed.
     */
    private final LongKeyCache<LongKeyCache<Integer>> poolEntries = new LongKeyCache<>();
    /** Decoded constant-pool entries by type id and key: looked up for every event, so no key is boxed. */
    private final LongKeyCache<LongKeyCache<Object>> resolved = new LongKeyCache<>();
    private final long stringTypeId;

    /** Receives the events of one {@link #scan}. */
    public interface EventHandler {

        /** One event of a requested type, valid until the next call. */
        void event(DecodedObject event);

        /**
         * The end of a flush segment: the JDK's ordered streams sort events only within one, so
         * a reader that wants the same order sorts up to here.
         */
        void segmentEnd();
    }

    private JfrChunk(ByteBuffer bytes, MetadataCache metadata) throws ChunkFormatException {
        ByteBuffer chunk = bytes.slice().order(ByteOrder.BIG_ENDIAN);
        if (chunk.limit() < ChunkLayout.HEADER_SIZE || chunk.getInt(0) != ChunkLayout.MAGIC) {
            throw new ChunkFormatException("no chunk header");
        }
        int major = Short.toUnsignedInt(chunk.getShort(ChunkLayout.MAJOR_AT));
        if (major != 1 && major != 2) {
            throw new ChunkFormatException("JFR format " + major + "." + Short.toUnsignedInt(chunk.getShort(ChunkLayout.MINOR_AT))
                    + " is not supported (JDK 7/8 recordings are 0.x)");
        }
        long size = chunk.getLong(ChunkLayout.SIZE_AT);
        if (size < ChunkLayout.HEADER_SIZE || size > chunk.limit()) {
            throw new ChunkFormatException("chunk size " + size + " outside 68.." + chunk.limit());
        }
        chunk.limit((int) size);
        long constantPoolOffset = chunk.getLong(ChunkLayout.CONSTANT_POOL_OFFSET_AT);
        long metadataOffset = chunk.getLong(ChunkLayout.METADATA_OFFSET_AT);
        this.startNanos = chunk.getLong(ChunkLayout.START_NANOS_AT);
        this.startTicks = chunk.getLong(ChunkLayout.START_TICKS_AT);
        long ticksPerSecond = chunk.getLong(ChunkLayout.TICKS_PER_SECOND_AT);
        if (ticksPerSecond <= 0) {
            throw new ChunkFormatException("ticks per second " + ticksPerSecond);
        }
        this.ticksPerNano = ticksPerSecond / 1_000_000_000.0;
        boolean compressed = (chunk.get(ChunkLayout.FLAGS_AT) & ChunkLayout.COMPRESSED_INTEGERS) != 0;
        this.in = new ChunkBytes(chunk, compressed);
        try {
            this.types = readMetadata(offset(metadataOffset, size, "metadata"), metadata);
            this.stringTypeId = typeIdOf("java.lang.String");
            indexConstantPools(offset(constantPoolOffset, size, "constant pool"));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ChunkFormatException("corrupt metadata or constant pools: " + e.getMessage());
        }
    }

    /**
     * Reads the header, metadata and constant-pool index of the chunk at the start of {@code bytes}.
     *
     * @throws ChunkFormatException when they do not follow the JFR format
     */
    public static JfrChunk open(ByteBuffer bytes) throws ChunkFormatException {
        return new JfrChunk(bytes, new MetadataCache());
    }

    /**
     * As {@link #open(ByteBuffer)}, taking the types from {@code metadata} when an earlier chunk had
     * the same metadata, byte for byte, and adding them to it otherwise.
     */
    public static JfrChunk open(ByteBuffer bytes, MetadataCache metadata) throws ChunkFormatException {
        return new JfrChunk(bytes, metadata);
    }

    private static int offset(long offset, long size, String what) throws ChunkFormatException {
        if (offset < ChunkLayout.HEADER_SIZE || offset >= size) {
            throw new ChunkFormatException(what + " offset " + offset + " outside the chunk");
        }
        return (int) offset;
    }

    /** Every type of the chunk's metadata, by id. */
    public Map<Long, TypeDescriptor> types() {
        return types;
    }

    /** Epoch nanoseconds of a tick count (a {@code @Timestamp(TICKS)} value). */
    public long epochNanos(long ticks) {
        return startNanos + (ticksPerNano == 1.0 ? ticks - startTicks : (long) ((ticks - startTicks) / ticksPerNano));
    }

    /** Nanoseconds of a tick span (a {@code @Timespan(TICKS)} value). */
    public long spanNanos(long ticks) {
        return ticksPerNano == 1.0 ? ticks : (long) (ticks / ticksPerNano);
    }

    private Map<Long, TypeDescriptor> readMetadata(int position, MetadataCache metadata) {
        in.position(position);
        int size = in.readInt();
        long type = in.readLong();
        if (type != ChunkLayout.METADATA_TYPE) {
            throw new IllegalArgumentException("no metadata event at " + position);
        }
        int fields = in.position();
        in.readLong(); // start time
        in.readLong(); // duration
        in.readLong(); // metadata id
        // The types depend only on what follows: the string table and the element tree.
        long end = (long) position + size;
        if (size < in.position() - position || end > in.limit()) {
            throw new IllegalArgumentException("the metadata event's size, " + size + " bytes, does not fit the chunk");
        }
        byte[] content = in.array((int) end - in.position());
        return metadata.types(content, () -> {
            in.position(fields);
            return MetadataReader.read(in);
        });
    }

    private long typeIdOf(String name) {
        for (TypeDescriptor type : types.values()) {
            if (type.name().equals(name)) {
                return type.id();
            }
        }
        return -1;
    }

    /** Walks the chain of checkpoint events back from the last one, noting where each entry's value is. */
    private void indexConstantPools(int last) {
        int position = last;
        while (true) {
            in.position(position);
            int size = in.readInt();
            if (in.readLong() != ChunkLayout.CHECKPOINT_TYPE) {
                throw new IllegalArgumentException("no checkpoint event at " + position);
            }
            in.readLong(); // start time
            in.readLong(); // duration
            long delta = in.readLong();
            in.readByte(); // checkpoint type
            int pools = in.readCount();
            for (int i = 0; i < pools; i++) {
                long typeId = in.readLong();
                TypeDescriptor type = types.get(typeId);
                if (type == null) {
                    throw new IllegalArgumentException("constant pool of unknown type " + typeId);
                }
                LongKeyCache<Integer> entries = entriesOf(typeId);
                int count = in.readCount();
                for (int j = 0; j < count; j++) {
                    long key = in.readLong();
                    // The chain runs from the last checkpoint back; like the JDK's parser, the
                    // earliest copy of a key wins (thread names can change between copies).
                    entries.put(key, in.position());
                    skipValue(type, false, 0);
                }
            }
            if (in.position() != position + size) {
                throw new IllegalArgumentException("checkpoint at " + position + " is " + size + " bytes but holds "
                        + (in.position() - position));
            }
            if (delta == 0) {
                return;
            }
            // Each checkpoint points back to an earlier one; anything else would loop.
            if (delta > 0 || position + delta < ChunkLayout.HEADER_SIZE) {
                throw new IllegalArgumentException("checkpoint at " + position + " points to " + (position + delta));
            }
            position += (int) delta;
        }
    }

    /**
     * Decodes every event of the given types in file order, and calls {@link EventHandler#segmentEnd()}
     * at each flush checkpoint and at the end.
     *
     * @throws ChunkFormatException when an event does not follow the metadata
     */
    public void scan(Collection<TypeDescriptor> wanted, EventHandler handler) throws ChunkFormatException {
        // Keyed by the unboxed type id: this lookup runs for every event of the chunk.
        LongKeyCache<DecodedObject> reused = new LongKeyCache<>();
        for (TypeDescriptor type : wanted) {
            reused.put(type.id(), new DecodedObject(type));
        }
        int position = ChunkLayout.HEADER_SIZE;
        try {
            while (position < in.limit()) {
                in.position(position);
                int size = in.readInt();
                if (size <= 0 || size > in.limit() - position) {
                    throw new ChunkFormatException("event at byte " + position + " has size " + size);
                }
                long typeId = in.readLong();
                Object found = reused.find(typeId);
                if (found instanceof DecodedObject event) {
                    decodeEvent(event);
                    handler.event(event);
                } else if (typeId == ChunkLayout.CHECKPOINT_TYPE) {
                    in.readLong();
                    in.readLong();
                    in.readLong();
                    if ((in.readByte() & FLUSH_CHECKPOINT) != 0) {
                        handler.segmentEnd();
                    }
                }
                position += size;
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ChunkFormatException("corrupt event at byte " + position + ": " + e.getMessage());
        }
        handler.segmentEnd();
    }

    private void decodeEvent(DecodedObject event) {
        TypeDescriptor type = event.type;
        int fields = event.bits.length;
        for (int i = 0; i < fields; i++) {
            read(type, i, event, 0);
        }
        event.startTicks = type.startTimeIndex >= 0 ? event.bits[type.startTimeIndex] : 0;
        event.durationTicks = type.durationIndex >= 0 ? event.bits[type.durationIndex] : 0;
    }

    /** Reads field {@code index} of {@code owner} into the same slot of {@code target}. */
    private void read(TypeDescriptor owner, int index, DecodedObject target, int depth) {
        long[] bits = target.bits;
        switch (owner.reader(index)) {
            case FieldReader.BYTE -> bits[index] = in.readByte();
            case FieldReader.SHORT -> bits[index] = in.readShort();
            case FieldReader.CHAR -> bits[index] = in.readChar();
            case FieldReader.INT -> bits[index] = in.readInt();
            case FieldReader.LONG -> bits[index] = in.readLong();
            case FieldReader.FLOAT -> bits[index] = Double.doubleToRawLongBits(in.readFloat());
            case FieldReader.DOUBLE -> bits[index] = Double.doubleToRawLongBits(in.readDouble());
            case FieldReader.STRING -> target.refs[index] = string(in.readStringOrKey());
            case FieldReader.STRUCT -> target.refs[index] = readStruct(owner.fieldType(index), depth + 1);
            case FieldReader.POOL_KEY -> {
                bits[index] = in.readLong();
                target.refs[index] = null;
            }
            case FieldReader.ARRAY -> target.refs[index] = readArray(owner, index, depth);
            default -> owner.fieldType(index); // throws: the metadata does not declare the field's type
        }
    }

    private Object[] readArray(TypeDescriptor owner, int index, int depth) {
        FieldDescriptor field = owner.fields().get(index);
        int count = in.readCount();
        Object[] values = new Object[count];
        TypeDescriptor elementType = field.constantPool() ? null : owner.fieldType(index);
        for (int i = 0; i < count; i++) {
            values[i] = readBoxed(field, elementType, depth + 1);
        }
        return values;
    }

    /** An array element: a boxed primitive, a string, a struct or a {@link PoolKey}. */
    private Object readBoxed(FieldDescriptor field, TypeDescriptor type, int depth) {
        if (field.constantPool()) {
            return new PoolKey(field.typeId(), in.readLong());
        }
        return switch (type.primitive()) {
            case BOOLEAN -> in.readBoolean();
            case BYTE -> (long) in.readByte();
            case SHORT -> (long) in.readShort();
            case CHAR -> (long) in.readChar();
            case INT -> (long) in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> (double) in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> string(in.readStringOrKey());
            case NONE -> readStruct(type, depth);
        };
    }

    private DecodedObject readStruct(TypeDescriptor type, int depth) {
        if (depth > MAX_NESTING) {
            throw new IllegalArgumentException("structs nested deeper than " + MAX_NESTING);
        }
        DecodedObject struct = new DecodedObject(type);
        for (int i = 0; i < struct.bits.length; i++) {
            read(type, i, struct, depth);
        }
        return struct;
    }

    private void skipValue(TypeDescriptor type, boolean constantPool, int depth) {
        if (constantPool) {
            in.skipLong();
            return;
        }
        switch (type.primitive()) {
            case BOOLEAN, BYTE -> in.skip(1);
            case SHORT, CHAR, INT, LONG -> in.skipLong();
            case FLOAT -> in.skip(4);
            case DOUBLE -> in.skip(8);
            case STRING -> in.skipString();
            case NONE -> {
                if (depth > MAX_NESTING) {
                    throw new IllegalArgumentException("structs nested deeper than " + MAX_NESTING);
                }
                List<FieldDescriptor> fields = type.fields();
                for (int f = 0; f < fields.size(); f++) {
                    FieldDescriptor field = fields.get(f);
                    TypeDescriptor fieldType = type.fieldType(f);
                    if (field.array()) {
                        int count = in.readCount();
                        for (int i = 0; i < count; i++) {
                            skipValue(fieldType, field.constantPool(), depth + 1);
                        }
                    } else {
                        skipValue(fieldType, field.constantPool(), depth + 1);
                    }
                }
            }
            default -> throw new IllegalStateException(type.primitive().name());
        }
    }

    private TypeDescriptor type(long id) {
        TypeDescriptor type = types.get(id);
        if (type == null) {
            throw new IllegalArgumentException("unknown type " + id);
        }
        return type;
    }

    private String string(Object value) {
        if (value instanceof ChunkBytes.StringKey key) {
            Object resolved = resolve(stringTypeId, key.key());
            return resolved instanceof String s ? s : null;
        }
        return (String) value;
    }

    private LongKeyCache<Integer> entriesOf(long typeId) {
        Object found = poolEntries.find(typeId);
        if (found != LongKeyCache.ABSENT) {
            @SuppressWarnings("unchecked")
            LongKeyCache<Integer> existing = (LongKeyCache<Integer>) found;
            return existing;
        }
        LongKeyCache<Integer> entries = new LongKeyCache<>();
        poolEntries.put(typeId, entries);
        return entries;
    }

    /**
     * The constant-pool entry of {@code key}: a {@link DecodedObject}, a string or boxed primitive
     * for a pool of a primitive or simple type, or {@code null} when the pool has no such key.
     */
    public Object resolve(long typeId, long key) {
        Object found = resolved.find(typeId);
        LongKeyCache<Object> cache;
        if (found == LongKeyCache.ABSENT) {
            cache = new LongKeyCache<>();
            resolved.put(typeId, cache);
        } else {
            @SuppressWarnings("unchecked")
            LongKeyCache<Object> existing = (LongKeyCache<Object>) found;
            cache = existing;
        }
        Object cached = cache.find(key);
        if (cached != LongKeyCache.ABSENT) {
            return cached;
        }
        Object entries = poolEntries.find(typeId);
        Object position = entries == LongKeyCache.ABSENT ? LongKeyCache.ABSENT : ((LongKeyCache<?>) entries).find(key);
        Object value = null;
        if (position != LongKeyCache.ABSENT) {
            // Resolution may recurse into other pools; the cursor is restored for the caller.
            int saved = in.position();
            cache.put(key, null);
            try {
                in.position((Integer) position);
                value = decodeEntry(type(typeId));
            } finally {
                in.position(saved);
            }
            cache.put(key, value);
        }
        return value;
    }

    private Object decodeEntry(TypeDescriptor type) {
        if (type.primitive() != TypeDescriptor.Primitive.NONE) {
            FieldDescriptor self = new FieldDescriptor("", type.id(), false, false, FieldDescriptor.TimeUnit.NONE);
            return readBoxed(self, type, 0);
        }
        DecodedObject entry = readStruct(type, 0);
        if (type.simple() && type.fields().size() == 1) {
            return value(entry, 0);
        }
        return entry;
    }

    /**
     * The value of field {@code index} of an object this chunk decoded, with constant-pool keys
     * resolved: a boxed {@code Long}, {@code Double} or {@code Boolean}, a string, a
     * {@link DecodedObject}, an {@code Object[]}, or {@code null}.
     */
    public Object value(DecodedObject object, int index) {
        FieldDescriptor field = object.type.fields().get(index);
        if (field.array()) {
            Object[] elements = ((Object[]) object.refs[index]).clone();
            for (int i = 0; i < elements.length; i++) {
                if (elements[i] instanceof PoolKey key) {
                    elements[i] = resolve(key.typeId(), key.key());
                }
            }
            return elements;
        }
        if (field.constantPool()) {
            return resolve(field.typeId(), object.bits[index]);
        }
        TypeDescriptor.Primitive primitive = object.type.fieldType(index).primitive();
        return switch (primitive) {
            case BOOLEAN -> object.bits[index] != 0;
            case BYTE, SHORT, CHAR, INT, LONG -> object.bits[index];
            case FLOAT, DOUBLE -> Double.longBitsToDouble(object.bits[index]);
            case STRING, NONE -> object.refs[index];
        };
    }

    /**
     * What {@link #value} gives for field {@code index} when that is a {@code Long}, without boxing
     * it; 0 for a field of any other kind.
     */
    public long longValue(DecodedObject object, int index) {
        FieldDescriptor field = object.type.fields().get(index);
        if (field.array() || field.constantPool()) {
            return value(object, index) instanceof Long l ? l : 0;
        }
        return switch (object.type.fieldType(index).primitive()) {
            case BYTE, SHORT, CHAR, INT, LONG -> object.bits[index];
            default -> 0;
        };
    }

    /** A constant-pool reference inside an array, resolved by {@link #value}. */
    private record PoolKey(long typeId, long key) {
    }
}
