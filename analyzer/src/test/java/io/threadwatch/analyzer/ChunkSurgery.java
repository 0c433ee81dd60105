package io.threadwatch.analyzer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites one JFR chunk (a whole single-chunk recording with compressed integers, as JDK 11+
 * writes them) into the recordings the tests need and no JVM at hand can make: a JDK 9-style
 * chunk, a chunk dated elsewhere, a chunk with an empty constant pool. Layout as in jfr-reference
 * §12: a 68-byte header, then records of {@code size, type, ...} with varint integers; type 0 is
 * the metadata, type 1 a checkpoint whose {@code delta} points back to the previous one.
 */
public final class ChunkSurgery {

    private static final int HEADER = 68;
    private static final int MAJOR_AT = 4;
    private static final int SIZE_AT = 8;
    private static final int CONSTANT_POOL_AT = 16;
    private static final int METADATA_AT = 24;
    private static final int START_NANOS_AT = 32;
    private static final int DURATION_NANOS_AT = 40;
    private static final long METADATA = 0;
    private static final long CHECKPOINT = 1;
    private static final int SIZE_BYTES = 4;

    private ChunkSurgery() {
    }

    /**
     * The chunk as JDK 9 and 10 wrote it (JFR format 1.0): event types named {@code com.oracle.jdk.*}
     * instead of {@code jdk.*}, struct types {@code com.oracle.jfr.types.*} instead of
     * {@code jdk.types.*}, as JMC's {@code JdkTypeIDsPreJdk11} and {@code TypeManager} describe
     * them. Fields, annotations ({@code jdk.jfr.*}, which JDK 9 already used) and events are kept.
     * The metadata grows, so every record after it moves: the header offsets and the checkpoints'
     * back-pointers are recomputed.
     */
    public static byte[] asJdk9(byte[] chunk) {
        ByteBuffer in = ByteBuffer.wrap(chunk);
        long size = in.getLong(SIZE_AT);
        List<byte[]> records = new ArrayList<>();
        List<Long> oldOffsets = new ArrayList<>();
        List<Long> types = new ArrayList<>();
        for (int at = HEADER; at < size; ) {
            Cursor cursor = new Cursor(chunk, at);
            int recordSize = (int) cursor.varint();
            long type = cursor.varint();
            byte[] record = java.util.Arrays.copyOfRange(chunk, at, at + recordSize);
            records.add(type == METADATA ? relabelMetadata(record) : record);
            oldOffsets.add((long) at);
            types.add(type);
            at += recordSize;
        }
        Map<Long, Long> moved = new HashMap<>();
        long at = HEADER;
        for (int i = 0; i < records.size(); i++) {
            moved.put(oldOffsets.get(i), at);
            at += records.get(i).length;
        }
        for (int i = 0; i < records.size(); i++) {
            if (types.get(i) == CHECKPOINT) {
                repointCheckpoint(records.get(i), oldOffsets.get(i), moved);
            }
        }
        ByteBuffer out = ByteBuffer.allocate((int) at);
        out.put(chunk, 0, HEADER);
        out.putShort(MAJOR_AT, (short) 1).putShort(MAJOR_AT + 2, (short) 0);
        out.putLong(SIZE_AT, at);
        out.putLong(CONSTANT_POOL_AT, moved.get(in.getLong(CONSTANT_POOL_AT)));
        out.putLong(METADATA_AT, moved.get(in.getLong(METADATA_AT)));
        for (byte[] record : records) {
            out.put(record);
        }
        return out.array();
    }

    /**
     * The chunk dated {@code shift} later: events are ticks after the header's start time, so
     * moving the header's start moves every event of the chunk. The start ticks stay, so the
     * chunk's clocks no longer agree with those of a chunk it is appended to, as with two
     * recordings made months apart.
     */
    public static byte[] shiftedBy(byte[] chunk, Duration shift) {
        byte[] copy = chunk.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putLong(START_NANOS_AT, buffer.getLong(START_NANOS_AT) + shift.toNanos());
        return copy;
    }

    /**
     * The chunk with a header that ends {@code by} earlier than its events: its last events then
     * commit after the end the header gives, as events written while a chunk is closed can.
     */
    public static byte[] endingEarlier(byte[] chunk, Duration by) {
        byte[] copy = chunk.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putLong(DURATION_NANOS_AT, buffer.getLong(DURATION_NANOS_AT) - by.toNanos());
        return copy;
    }

    /**
     * The chunk with the first constant pool of its last checkpoint emptied: its count becomes 0,
     * written in as many bytes as before, so nothing moves. The JDK's parser refuses such a pool
     * with {@code InternalError("Pool ... must contain at least one element")} (17 and 25), an
     * {@code Error} rather than an {@code IOException}.
     */
    public static byte[] withEmptyConstantPool(byte[] chunk) {
        byte[] copy = chunk.clone();
        Cursor cursor = new Cursor(copy, (int) ByteBuffer.wrap(copy).getLong(CONSTANT_POOL_AT));
        cursor.varint(); // size
        if (cursor.varint() != CHECKPOINT) {
            throw new IllegalArgumentException("no checkpoint where the header says");
        }
        cursor.varint(); // start
        cursor.varint(); // duration
        cursor.varint(); // delta
        cursor.at++; // flush flags
        if (cursor.varint() < 1) {
            throw new IllegalArgumentException("the last checkpoint has no pool");
        }
        cursor.varint(); // type id of the first pool
        int countAt = cursor.at;
        cursor.varint();
        writeVarint(copy, countAt, 0, cursor.at - countAt);
        return copy;
    }

    /** Rewrites a checkpoint's back-pointer for the new offsets, in the bytes it had. */
    private static void repointCheckpoint(byte[] record, long oldOffset, Map<Long, Long> moved) {
        Cursor cursor = new Cursor(record, 0);
        cursor.varint(); // size
        cursor.varint(); // type
        cursor.varint(); // start
        cursor.varint(); // duration
        int deltaAt = cursor.at;
        long delta = cursor.varint();
        if (delta == 0) {
            return;
        }
        Long previous = moved.get(oldOffset + delta);
        if (previous == null) {
            throw new IllegalArgumentException("checkpoint at " + oldOffset + " points at no record");
        }
        writeVarint(record, deltaAt, previous - moved.get(oldOffset), cursor.at - deltaAt);
    }

    /** The metadata record with event and struct types renamed as JDK 9 named them. */
    private static byte[] relabelMetadata(byte[] record) {
        Cursor cursor = new Cursor(record, 0);
        cursor.varint(); // size
        cursor.varint(); // type
        long start = cursor.varint();
        long duration = cursor.varint();
        long id = cursor.varint();
        int count = (int) cursor.varint();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            strings.add(cursor.string());
        }
        Element root = Element.read(cursor);
        root.relabel(strings);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (long value : new long[] {METADATA, start, duration, id, strings.size()}) {
            body.writeBytes(varint(value, 1));
        }
        for (String string : strings) {
            if (string == null) {
                body.write(0);
            } else if (string.isEmpty()) {
                body.write(1);
            } else {
                byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
                body.write(3);
                body.writeBytes(varint(utf8.length, 1));
                body.writeBytes(utf8);
            }
        }
        root.write(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(varint(body.size() + SIZE_BYTES, SIZE_BYTES));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** One element of the metadata tree: name, attributes and children, as string-table indexes. */
    private record Element(long name, List<long[]> attributes, List<Element> children) {

        static Element read(Cursor cursor) {
            long name = cursor.varint();
            int attributeCount = (int) cursor.varint();
            List<long[]> attributes = new ArrayList<>();
            for (int i = 0; i < attributeCount; i++) {
                attributes.add(new long[] {cursor.varint(), cursor.varint()});
            }
            int childCount = (int) cursor.varint();
            List<Element> children = new ArrayList<>();
            for (int i = 0; i < childCount; i++) {
                children.add(read(cursor));
            }
            return new Element(name, attributes, children);
        }

        void relabel(List<String> strings) {
            if ("class".equals(strings.get((int) name))) {
                String className = attribute(strings, "name");
                String superType = attribute(strings, "superType");
                String renamed = null;
                if ("jdk.jfr.Event".equals(superType) && className.startsWith("jdk.")) {
                    renamed = "com.oracle.jdk." + className.substring("jdk.".length());
                } else if (className.startsWith("jdk.types.")) {
                    renamed = "com.oracle.jfr.types." + className.substring("jdk.types.".length());
                }
                if (renamed != null) {
                    strings.add(renamed);
                    for (long[] attribute : attributes) {
                        if ("name".equals(strings.get((int) attribute[0]))) {
                            attribute[1] = strings.size() - 1;
                        }
                    }
                }
            }
            for (Element child : children) {
                child.relabel(strings);
            }
        }

        private String attribute(List<String> strings, String key) {
            for (long[] attribute : attributes) {
                if (key.equals(strings.get((int) attribute[0]))) {
                    return strings.get((int) attribute[1]);
                }
            }
            return "";
        }

        void write(ByteArrayOutputStream out) {
            out.writeBytes(varint(name, 1));
            out.writeBytes(varint(attributes.size(), 1));
            for (long[] attribute : attributes) {
                out.writeBytes(varint(attribute[0], 1));
                out.writeBytes(varint(attribute[1], 1));
            }
            out.writeBytes(varint(children.size(), 1));
            for (Element child : children) {
                child.write(out);
            }
        }
    }

    /** A read position in JFR's varint encoding: 7 bits a byte, least significant first, 8 in the 9th. */
    private static final class Cursor {
        private final byte[] bytes;
        private int at;

        Cursor(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        long varint() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                int b = bytes[at++] & 0xff;
                value |= (long) (b & 0x7f) << (7 * i);
                if (b < 0x80) {
                    return value;
                }
            }
            return value | (long) (bytes[at++] & 0xff) << 56;
        }

        String string() {
            int encoding = bytes[at++];
            switch (encoding) {
                case 0:
                    return null;
                case 1:
                    return "";
                case 3:
                case 5: {
                    int length = (int) varint();
                    String value = new String(bytes, at, length,
                            encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                    at += length;
                    return value;
                }
                case 4: {
                    int length = (int) varint();
                    StringBuilder value = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        value.append((char) varint());
                    }
                    return value.toString();
                }
                default:
                    throw new IllegalArgumentException("string encoding " + encoding + " at " + (at - 1));
            }
        }
    }

    /** {@code value} as a varint of at least {@code minBytes} bytes (padded with empty continuation bytes). */
    private static byte[] varint(long value, int minBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rest = value;
        for (int i = 0; i < 8; i++) {
            if (Long.compareUnsigned(rest, 0x80) < 0 && i + 1 >= minBytes) {
                out.write((int) rest);
                return out.toByteArray();
            }
            out.write((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
        return out.toByteArray();
    }

    private static void writeVarint(byte[] target, int at, long value, int bytes) {
        byte[] encoded = varint(value, bytes);
        if (encoded.length != bytes) {
            throw new IllegalArgumentException(value + " does not fit in " + bytes + " bytes");
        }
        System.arraycopy(encoded, 0, target, at, bytes);
    }
}
