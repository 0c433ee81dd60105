package io.threadwatch.analyzer.source;

import java.nio.ByteBuffer;

/** JFR's variable-length integers (chunk flag bit 0): 7 bits a byte, low bits first, all 8 bits in a ninth byte. */
public final class Varint {

    /** The most bytes one varint takes. */
    public static final int MAX_BYTES = 9;

    private Varint() {
    }

    /** Reads one varint, or returns -1 when the buffer ends first. */
    public static long read(ByteBuffer buffer) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int b = buffer.get() & 0xff;
            if (i == MAX_BYTES - 1) {
                return value | ((long) b << 56);
            }
            value |= (long) (b & 0x7f) << (7 * i);
            if (b < 0x80) {
                return value;
            }
        }
        return value;
    }
}
