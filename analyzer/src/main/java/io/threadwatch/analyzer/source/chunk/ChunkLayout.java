package io.threadwatch.analyzer.source.chunk;

/**
 * Where things are in a JFR chunk header (68 bytes, big-endian; jfr-reference §12), and the type
 * ids every chunk uses: the one place that spells the layout, for every reader of headers.
 */
public final class ChunkLayout {

    /** {@code FLR\0}, at the start of every chunk. */
    public static final int MAGIC = 0x464c5200;
    /** Bytes in a chunk header. */
    public static final int HEADER_SIZE = 68;

    /** Offsets of the header's fields. */
    public static final int MAJOR_AT = 4;
    public static final int MINOR_AT = 6;
    public static final int SIZE_AT = 8;
    public static final int CONSTANT_POOL_OFFSET_AT = 16;
    public static final int METADATA_OFFSET_AT = 24;
    public static final int START_NANOS_AT = 32;
    public static final int DURATION_NANOS_AT = 40;
    public static final int START_TICKS_AT = 48;
    public static final int TICKS_PER_SECOND_AT = 56;
    /** 0 when the chunk is finished. */
    public static final int FILE_STATE_AT = 64;
    public static final int FLAGS_AT = 67;

    /** Flag bit: integers are varints. */
    public static final int COMPRESSED_INTEGERS = 1;

    /** The type id of the metadata event. */
    public static final long METADATA_TYPE = 0;
    /** The type id of checkpoint (constant pool) events. */
    public static final long CHECKPOINT_TYPE = 1;

    private ChunkLayout() {
    }
}
