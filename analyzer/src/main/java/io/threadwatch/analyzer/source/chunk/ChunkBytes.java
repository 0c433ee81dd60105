package io.threadwatch.analyzer.source.chunk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of one chunk, reading JFR's encodings: big-endian raw values and, when
 * the chunk header says so, integers as LEB128-style varints of at most 9 bytes.
 *
 * <p>Reads past the chunk's end throw {@link IndexOutOfBoundsException}; {@link JfrChunk} turns
 * those into a {@link ChunkFormatException}.
 */
final class ChunkBytes {

    /** String encodings (the first byte of every string value). */
    static final int STRING_NULL = 0;
    static final int STRING_EMPTY = 1;
    static final int STRING_CONSTANT_POOL = 2;
    static final int STRING_UTF8 = 3;
    static final int STRING_CHAR_ARRAY = 4;
    static final int STRING_LATIN1 = 5;

    /** Inline strings at most this long, in bytes, are looked up in {@link #cachedStrings}. */
    private static final int CACHED_STRING_BYTES = 128;
    private static final int STRING_CACHE_SLOTS = 256;

    private final ByteBuffer bytes;
    private final boolean compressed;
    private int position;
    /**
     * Recently decoded short inline strings, direct-mapped by a hash of their encoded bytes, with
     * where those bytes are. The JDK writes some string fields inline in every event rather than
     * in the string pool ({@code jdk.SocketRead}'s host and address, for one): the same few
     * values, each decoded into a new char array, byte array and string per event.
     */
    private final String[] cachedStrings = new String[STRING_CACHE_SLOTS];
    private final int[] cachedAt = new int[STRING_CACHE_SLOTS];
    private final int[] cachedBytes = new int[STRING_CACHE_SLOTS];

    ChunkBytes(ByteBuffer bytes, boolean compressed) {
        this.bytes = bytes;
        this.compressed = compressed;
    }

    int position() {
        return position;
    }

    void position(int position) {
        if (position < 0 || position > bytes.limit()) {
            throw new IndexOutOfBoundsException("position " + position + " outside the chunk's " + bytes.limit() + " bytes");
        }
        this.position = position;
    }

    int limit() {
        return bytes.limit();
    }

    int remaining() {
        return bytes.limit() - position;
    }

    void skip(int count) {
        position(position + count);
    }

    byte readByte() {
        return bytes.get(position++);
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readRawInt() {
        int value = bytes.getInt(position);
        position += 4;
        return value;
    }

    long readRawLong() {
        long value = bytes.getLong(position);
        position += 8;
        return value;
    }

    float readFloat() {
        return Float.intBitsToFloat(readRawInt());
    }

    double readDouble() {
        return Double.longBitsToDouble(readRawLong());
    }

    /** An integer of any width: a varint in compressed chunks, 4 raw bytes otherwise. */
    int readInt() {
        return compressed ? (int) readVarLong() : readRawInt();
    }

    /** A long: a varint in compressed chunks, 8 raw bytes otherwise. */
    long readLong() {
        return compressed ? readVarLong() : readRawLong();
    }

    short readShort() {
        if (compressed) {
            return (short) readVarLong();
        }
        short value = bytes.getShort(position);
        position += 2;
        return value;
    }

    char readChar() {
        if (compressed) {
            return (char) readVarLong();
        }
        char value = bytes.getChar(position);
        position += 2;
        return value;
    }

    /** Seven bits per byte, least significant first; the ninth byte carries eight. */
    private long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = bytes.get(position++);
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (long) (bytes.get(position++) & 0xff) << 56;
    }

    /** Skips an integer written with {@link #readLong()}, without assembling it. */
    void skipLong() {
        if (!compressed) {
            position += 8;
            return;
        }
        for (int i = 0; i < 8; i++) {
            if (bytes.get(position++) >= 0) {
                return;
            }
        }
        position++;
    }

    /** A count that must fit in what is left of the chunk, at one byte per element at least. */
    int readCount() {
        int count = readInt();
        if (count < 0 || count > remaining()) {
            throw new IndexOutOfBoundsException("a count of " + count + " with " + remaining() + " bytes left");
        }
        return count;
    }

    /**
     * A string value; a constant-pool string comes back as its key, boxed in a {@link StringKey},
     * for the caller to look up.
     */
    Object readStringOrKey() {
        int start = position;
        int encoding = readByte();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_CONSTANT_POOL:
                return new StringKey(readLong());
            default:
                return inlineString(start);
        }
    }

    /** An inline string whose encoding byte is at {@code start}: from the cache when its bytes were seen last. */
    private String inlineString(int start) {
        position = start;
        skipString();
        int end = position;
        int length = end - start;
        if (length > CACHED_STRING_BYTES) {
            position = start + 1;
            return decodeInline(bytes.get(start));
        }
        int hash = 1;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + bytes.get(i);
        }
        int slot = (hash ^ hash >>> 16) & (STRING_CACHE_SLOTS - 1);
        String cached = cachedStrings[slot];
        if (cached != null && cachedBytes[slot] == length && sameBytes(cachedAt[slot], start, length)) {
            return cached;
        }
        position = start + 1;
        String value = decodeInline(bytes.get(start));
        cachedStrings[slot] = value;
        cachedAt[slot] = start;
        cachedBytes[slot] = length;
        return value;
    }

    private boolean sameBytes(int first, int second, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes.get(first + i) != bytes.get(second + i)) {
                return false;
            }
        }
        return true;
    }

    /** The string after an inline encoding byte (the cursor is past it). */
    private String decodeInline(int encoding) {
        switch (encoding) {
            case STRING_UTF8: {
                int length = readCount();
                return new String(array(length), StandardCharsets.UTF_8);
            }
            case STRING_CHAR_ARRAY: {
                int length = readCount();
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = readChar();
                }
                return new String(chars);
            }
            case STRING_LATIN1: {
                int length = readCount();
                return new String(array(length), StandardCharsets.ISO_8859_1);
            }
            default:
                throw new IndexOutOfBoundsException("unknown string encoding " + encoding + " at " + (position - 1));
        }
    }

    void skipString() {
        int encoding = readByte();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> {
            }
            case STRING_CONSTANT_POOL -> skipLong();
            case STRING_UTF8, STRING_LATIN1 -> skip(readCount());
            case STRING_CHAR_ARRAY -> {
                int length = readCount();
                for (int i = 0; i < length; i++) {
                    readChar();
                }
            }
            default -> throw new IndexOutOfBoundsException("unknown string encoding " + encoding + " at " + (position - 1));
        }
    }

    /** The next {@code length} bytes, copied. */
    byte[] array(int length) {
        byte[] array = new byte[length];
        bytes.get(position, array);
        position += length;
        return array;
    }

    /** The key of a string held in the chunk's {@code java.lang.String} constant pool. */
    record StringKey(long key) {
    }
}
