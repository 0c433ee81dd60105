package io.threadwatch.analyzer.source;

/**
 * Bounds on what a source accepts, so that hostile or broken input is refused with a message
 * instead of filling the disk.
 *
 * @param maxDecompressedBytes the most bytes a compressed recording may expand to
 */
public record RecordingLimits(long maxDecompressedBytes) {

    /** 16 GiB: far above any recording a JVM writes by default, far below a decompression bomb. */
    public static final RecordingLimits DEFAULT = new RecordingLimits(16L << 30);

    public RecordingLimits {
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("the decompressed size limit must be positive, not " + maxDecompressedBytes);
        }
    }
}
