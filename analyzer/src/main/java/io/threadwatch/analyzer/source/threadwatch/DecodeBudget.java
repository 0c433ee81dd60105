package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.source.ChunkHeader;

/**
 * How many decoded chunks {@link ChunkFileSource} may hold at once: as many as their estimated
 * decoded size fits in a byte budget, but always the chunk being delivered and one decoding ahead.
 *
 * <p>Why bytes and not workers: a decoded chunk waits on the heap until the engine takes it, and it
 * costs heap in proportion to its size. One chunk per decoder thread made the memory grow with the
 * core count: the 100 MB bench file (8 chunks of about 14.5 MB) ran out of a 256 MB heap on 8 cores
 * and worked on 2 (issue 12). Counted in bytes against a share of the heap, a 32-core machine holds
 * as many chunks as a 2-core one with the same heap, and the surplus workers wait.
 *
 * <p>Why at least two, whatever the budget: a chunk too big for the budget (one giant chunk, or a
 * small heap) must still be read, and decoding the next chunk while the engine takes this one is
 * what the parallel pipeline is for. Two chunks that do not fit in the heap end in a
 * {@link #outOfHeap message} that says which chunk and how much heap to give instead.
 *
 * <p>Used by the one thread that replays a file; not thread-safe.
 */
final class DecodeBudget {

    /**
     * Heap bytes a decoded chunk holds per byte of the chunk, rounded up from measurements: 2.20 to
     * 2.45 on the 100 MB bench file (JDK 25, chunks of 5-15 MB, 2.77 M events, mostly waits packed at
     * 85 bytes each once the columns' doubling is counted), 2.52 on full-heap.threadwatch-jdk25
     * (the most of the samples), 1.0 on steady-gateway.long60m-jdk25 (9 chunks, thread dumps), 0.2 to
     * 0.9 on the other samples. Measured as the heap still used, after full collections, with one
     * chunk's {@link ChunkEvents} kept and nothing else.
     */
    static final double DECODED_BYTES_PER_CHUNK_BYTE = 2.6;
    /**
     * The share of the heap decoded chunks may take. The rest is for the engine's state, what a
     * chunk takes while it decodes beyond its estimate (its constant pools, its columns' old
     * arrays while they double), and the short-lived events the engine builds as it takes a chunk.
     * At {@code -Xmx256m} two fifths hold 2 chunks of the bench file, as 2 cores did before the
     * budget; half held 3, and with 8 or 32 workers G1 then ran concurrent cycles and mixed
     * collections: 0.9-1.5 s of pauses per run against 0.2-0.5 s (8 held at once ran out of it).
     */
    static final double HEAP_SHARE = 0.4;
    /** The chunk being delivered and one decoding ahead: held whatever their size. */
    static final int ALWAYS_HELD = 2;

    private final long budgetBytes;
    private long heldBytes;
    private int held;
    private int mostHeld;

    /** A budget of {@code budgetBytes} of decoded chunks. */
    DecodeBudget(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budget must not be negative, not " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** The budget for a JVM whose heap may grow to {@code maxHeapBytes} ({@link Runtime#maxMemory()}). */
    static DecodeBudget ofHeap(long maxHeapBytes) {
        return new DecodeBudget((long) (maxHeapBytes * HEAP_SHARE));
    }

    /** The heap a chunk of {@code chunkBytes} is expected to hold once decoded. */
    static long decodedBytes(long chunkBytes) {
        return (long) Math.ceil(chunkBytes * DECODED_BYTES_PER_CHUNK_BYTE);
    }

    /**
     * Takes room for {@code chunk} if the chunks held leave enough of the budget, or if fewer than
     * {@link #ALWAYS_HELD} are held; says whether it did.
     */
    boolean tryTake(ChunkHeader chunk) {
        long decoded = decodedBytes(chunk.size());
        // Compared by subtraction: a JVM without a heap limit reports Long.MAX_VALUE.
        if (held >= ALWAYS_HELD && decoded > budgetBytes - heldBytes) {
            return false;
        }
        heldBytes += decoded;
        held++;
        mostHeld = Math.max(mostHeld, held);
        return true;
    }

    /** Gives back the room of {@code chunk}, once the engine has taken its events or it was abandoned. */
    void release(ChunkHeader chunk) {
        if (held == 0) {
            throw new IllegalStateException("no chunk is held");
        }
        heldBytes -= decodedBytes(chunk.size());
        held--;
    }

    /** Chunks held now. */
    int held() {
        return held;
    }

    /** Estimated decoded bytes held now. */
    long heldBytes() {
        return heldBytes;
    }

    /** The most chunks held at once so far: how far ahead decoding got. */
    int mostHeld() {
        return mostHeld;
    }

    /**
     * The one-line message for a chunk whose decoding ran out of heap: which file and chunk, how
     * big, and a {@code -Xmx} that leaves the budget room for {@link #ALWAYS_HELD} chunks of its
     * size (in whole powers of two, at least twice the heap it had).
     */
    static String outOfHeap(String file, int chunkIndex, int chunks, ChunkHeader chunk, long maxHeapBytes) {
        // A StringBuilder, not '+': these messages are built in a full heap, and the first use of a
        // '+' links its call site by spinning a class, which then fails with a BootstrapMethodError
        // (seen in CI on JDK 25, TooLittleHeapTest) instead of giving the message.
        return new StringBuilder(256).append('\'').append(file).append("': chunk ").append(chunkIndex + 1)
                .append(" of ").append(chunks).append(" (").append(megabytes(chunk.size())).append(" MB, about ")
                .append(megabytes(decodedBytes(chunk.size()))).append(" MB once decoded) does not fit in the ")
                .append(megabytes(maxHeapBytes)).append(" MB heap Java was given: run Java with more heap, e.g. -Xmx")
                .append(suggestedHeapMb(chunk, maxHeapBytes)).append('m').toString();
    }

    /**
     * The one-line message for running out of heap while the engine takes a decoded chunk's events,
     * with the next chunks decoding beside it: the same advice, without claiming which of the two
     * sides used the heap up (it can be the engine's own state, on a long recording).
     */
    static String outOfHeapWhileAnalyzing(String file, int chunkIndex, int chunks, ChunkHeader chunk,
                                          long maxHeapBytes) {
        // A StringBuilder, not '+', as in outOfHeap.
        return new StringBuilder(256).append('\'').append(file).append("': ran out of the ")
                .append(megabytes(maxHeapBytes)).append(" MB heap Java was given while analyzing chunk ")
                .append(chunkIndex + 1).append(" of ").append(chunks).append(" (").append(megabytes(chunk.size()))
                .append(" MB): run Java with more heap, e.g. -Xmx").append(suggestedHeapMb(chunk, maxHeapBytes))
                .append('m').toString();
    }

    private static long suggestedHeapMb(ChunkHeader chunk, long maxHeapBytes) {
        long neededMb = megabytes((long) Math.ceil(ALWAYS_HELD * decodedBytes(chunk.size()) / HEAP_SHARE));
        long wantedMb = Math.max(1, Math.max(neededMb, 2 * megabytes(maxHeapBytes)));
        long suggestedMb = Long.highestOneBit(wantedMb);
        return suggestedMb < wantedMb ? suggestedMb << 1 : suggestedMb;
    }

    /** Whole megabytes, rounded up. */
    private static long megabytes(long bytes) {
        return (bytes >> 20) + ((bytes & ((1 << 20) - 1)) == 0 ? 0 : 1);
    }
}
