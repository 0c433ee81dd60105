package io.threadwatch.analyzer.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * What the service accepts and spends, so that a flood or a hostile file is refused with a
 * message instead of filling the disk, the heap or the CPU.
 *
 * @param maxUploadBytes       the largest upload, as sent (compressed or not)
 * @param maxDecompressedBytes the most a gzip upload may expand to (the analysis refuses more)
 * @param analysesInFlight     analyses running at once, each in its own JVM
 * @param queueLength          uploads waiting for analysis before new ones get {@code 503}
 * @param concurrentUploads    uploads being received at once before more get {@code 429}
 * @param analysisTimeout      how long one analysis may take before it is stopped and refused
 * @param analysisHeapBytes    the heap ({@code -Xmx}) of each analysis's JVM
 * @param retentionDays        uploads older than this many days are deleted with their reports; 0 keeps all
 */
public record ServeLimits(long maxUploadBytes, long maxDecompressedBytes, int analysesInFlight, int queueLength,
                          int concurrentUploads, Duration analysisTimeout, long analysisHeapBytes, int retentionDays) {

    /** 1 GiB uploads, 4 GiB decompressed, 2 analyses, 100 queued, 8 uploads, 10 min and 512 MiB each, 30 days. */
    public static final ServeLimits DEFAULT = new ServeLimits(1L << 30, 4L << 30, 2, 100, 8, Duration.ofMinutes(10),
            512L << 20, 30);

    public ServeLimits {
        Objects.requireNonNull(analysisTimeout, "analysisTimeout");
        positive("max upload size", maxUploadBytes);
        positive("max decompressed size", maxDecompressedBytes);
        positive("analyses in flight", analysesInFlight);
        positive("queue length", queueLength);
        positive("concurrent uploads", concurrentUploads);
        positive("analysis timeout (ms)", analysisTimeout.toMillis());
        if (analysisHeapBytes < (32L << 20)) {
            throw new IllegalArgumentException("the analysis heap must be at least 32m, not " + analysisHeapBytes);
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retention days must be 0 (keep all) or more, not " + retentionDays);
        }
    }

    /** The analysis heap in MiB, as {@code -Xmx} and the refusal message give it. */
    public long analysisHeapMb() {
        return analysisHeapBytes >> 20;
    }

    private static void positive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
    }
}
