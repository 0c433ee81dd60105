package io.threadwatch.analyzer.source.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Inline strings as the JDK writes them (jfr-reference §12: UTF-8, char array or Latin-1, with
 * varint lengths and chars in compressed chunks): a value seen before may come from the cache,
 * but only when its encoded bytes are the same, and the cursor always ends after the string.
 */
class ChunkBytesTest {

    @Test
    void repeatedInlineStringsDecodeToEqualValuesAndTheCursorMovesPastEach() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        charArray(out, "db.example");
        charArray(out, "db.example");
        latin1(out, "127.0.0.1");
        utf8(out, "db.exampl\u00e9");
        charArray(out, "db.exampla");
        charArray(out, "db.example");
        out.write(ChunkBytes.STRING_NULL);
        ChunkBytes in = new ChunkBytes(ByteBuffer.wrap(out.toByteArray()), true);

        Object first = in.readStringOrKey();
        Object second = in.readStringOrKey();

        assertThat(first).isEqualTo("db.example");
        assertThat(second).isSameAs(first);
        assertThat(in.readStringOrKey()).isEqualTo("127.0.0.1");
        assertThat(in.readStringOrKey()).isEqualTo("db.exampl\u00e9");
        assertThat(in.readStringOrKey()).isEqualTo("db.exampla");
        assertThat(in.readStringOrKey()).isEqualTo("db.example");
        assertThat(in.readStringOrKey()).isNull();
        assertThat(in.remaining()).isZero();
    }

    @Test
    void aLongInlineStringIsDecodedWhole() {
        String text = "\"worker-1\" #31 prio=5 waiting on condition\n".repeat(20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        utf8(out, text);
        utf8(out, text);
        ChunkBytes in = new ChunkBytes(ByteBuffer.wrap(out.toByteArray()), true);

        assertThat(in.readStringOrKey()).isEqualTo(text);
        assertThat(in.readStringOrKey()).isEqualTo(text);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void anUnknownEncodingIsAFormatErrorAtItsByte() {
        ChunkBytes in = new ChunkBytes(ByteBuffer.wrap(new byte[] {ChunkBytes.STRING_EMPTY, 9, 0}), true);
        in.readStringOrKey();

        assertThatThrownBy(in::readStringOrKey).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("unknown string encoding 9 at 1");
    }

    private static void charArray(ByteArrayOutputStream out, String value) {
        out.write(ChunkBytes.STRING_CHAR_ARRAY);
        varint(out, value.length());
        value.chars().forEach(c -> varint(out, c));
    }

    private static void latin1(ByteArrayOutputStream out, String value) {
        out.write(ChunkBytes.STRING_LATIN1);
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void utf8(ByteArrayOutputStream out, String value) {
        out.write(ChunkBytes.STRING_UTF8);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    @Test
    void integersOfEveryLengthReadAndSkipTheSameWhereverTheyLieInTheChunk() {
        long[] values = {0, 1, 0x7f, 0x80, 0x3fff, 0x4000, 1_000_000, 0x0fffffffL, 0x10000000L, 1L << 35,
                (1L << 49) - 1, 1L << 49, (1L << 56) - 1, 1L << 56, Long.MAX_VALUE, -1, Long.MIN_VALUE,
                System.nanoTime()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long value : values) {
            jfrVarint(out, value);
        }
        byte[] encoded = out.toByteArray();
        // Read from every starting value, so that each is met both far from the end and within the
        // last eight bytes, where fewer bytes are left than a whole read takes.
        int offset = 0;
        for (int first = 0; first < values.length; first++) {
            ChunkBytes read = new ChunkBytes(ByteBuffer.wrap(encoded, offset, encoded.length - offset).slice(), true);
            ChunkBytes skipped = new ChunkBytes(ByteBuffer.wrap(encoded, offset, encoded.length - offset).slice(), true);
            for (int i = first; i < values.length; i++) {
                assertThat(read.readLong()).as("value %d from %d", i, first).isEqualTo(values[i]);
                skipped.skipLong();
                assertThat(skipped.position()).as("after skipping value %d", i).isEqualTo(read.position());
            }
            assertThat(read.remaining()).isZero();
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            jfrVarint(one, values[first]);
            offset += one.size();
        }
    }

    /** JFR's writer: seven bits a byte for eight bytes, then the top eight bits whole in a ninth. */
    private static void jfrVarint(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 8; i++) {
            if ((value & ~0x7fL) == 0) {
                out.write((int) value);
                return;
            }
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value & 0xff);
    }

    /** JFR's compressed integers: seven bits a byte, least significant first. */
    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
