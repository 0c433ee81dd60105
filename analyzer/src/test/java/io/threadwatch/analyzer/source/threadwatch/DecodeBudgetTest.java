package io.threadwatch.analyzer.source.threadwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.analyzer.source.ChunkHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The policy that bounds decoded chunks in flight by their size against the heap, not by the worker count. */
class DecodeBudgetTest {

    private static final long MB = 1L << 20;
    /** The chunks of the 100 MB bench file are about this size. */
    private static final long BENCH_CHUNK = 14_500_000L;

    private static ChunkHeader chunk(long bytes) {
        return new ChunkHeader(0, bytes, 2, 1, Instant.EPOCH, Duration.ofSeconds(1), true);
    }

    /** How many chunks of {@code bytes} the budget takes in a row before it refuses one. */
    private static int takenInARow(DecodeBudget budget, long bytes) {
        int taken = 0;
        while (taken < 1000 && budget.tryTake(chunk(bytes))) {
            taken++;
        }
        return taken;
    }

    @Test
    void takesChunksWhileTheirDecodedSizeFitsTheBudget() {
        DecodeBudget budget = new DecodeBudget(3 * DecodeBudget.decodedBytes(10 * MB));

        assertThat(takenInARow(budget, 10 * MB)).isEqualTo(3);
        assertThat(budget.held()).isEqualTo(3);
        assertThat(budget.heldBytes()).isEqualTo(3 * DecodeBudget.decodedBytes(10 * MB));
        assertThat(budget.tryTake(chunk(1))).as("even a tiny chunk, once the budget is spent").isFalse();
    }

    @Test
    void estimatesMoreHeapThanTheChunkTakesOnDisk() {
        // Decoded waits take more room than their varint-encoded form (measured 2.2-2.5 times).
        assertThat(DecodeBudget.decodedBytes(BENCH_CHUNK)).isGreaterThan(2 * BENCH_CHUNK);
        assertThat(DecodeBudget.decodedBytes(0)).isZero();
    }

    @Test
    void alwaysHoldsTheChunkBeingDeliveredAndOneAheadWhateverTheBudget() {
        DecodeBudget none = new DecodeBudget(0);

        assertThat(none.tryTake(chunk(1L << 40))).as("a giant chunk, to deliver").isTrue();
        assertThat(none.tryTake(chunk(1L << 40))).as("a giant chunk, decoding ahead").isTrue();
        assertThat(none.tryTake(chunk(1))).as("a third, however small").isFalse();
        assertThat(none.mostHeld()).isEqualTo(2);
    }

    @Test
    void aDeliveredChunkGivesBackItsRoom() {
        DecodeBudget budget = new DecodeBudget(2 * DecodeBudget.decodedBytes(10 * MB));
        ChunkHeader first = chunk(10 * MB);
        ChunkHeader second = chunk(10 * MB);
        assertThat(budget.tryTake(first)).isTrue();
        assertThat(budget.tryTake(second)).isTrue();
        assertThat(budget.tryTake(chunk(10 * MB))).isFalse();

        budget.release(first);

        assertThat(budget.held()).isEqualTo(1);
        assertThat(budget.tryTake(chunk(10 * MB))).isTrue();
        budget.release(second);
        budget.release(chunk(10 * MB));
        assertThat(budget.held()).isZero();
        assertThat(budget.heldBytes()).isZero();
        assertThat(budget.mostHeld()).isEqualTo(2);
    }

    @Test
    void aBiggerChunkWaitsUntilSmallerOnesAreDelivered() {
        DecodeBudget budget = new DecodeBudget(3 * DecodeBudget.decodedBytes(10 * MB));
        ChunkHeader small = chunk(10 * MB);
        assertThat(budget.tryTake(small)).isTrue();
        assertThat(budget.tryTake(chunk(10 * MB))).isTrue();

        assertThat(budget.tryTake(chunk(20 * MB))).isFalse();
        budget.release(small);
        assertThat(budget.tryTake(chunk(20 * MB))).isTrue();
    }

    @Test
    void releasingMoreThanWasTakenIsABug() {
        DecodeBudget budget = new DecodeBudget(MB);

        assertThatThrownBy(() -> budget.release(chunk(MB))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theHeapNotTheCoresDecidesHowManyBenchChunksAreHeld() {
        // Two fifths of 256 MB over about 37.7 MB per decoded chunk: 2 chunks, where one per core
        // held 8 on 8 cores and ran out of that heap (issue 12). Nothing here grows with the cores.
        assertThat(takenInARow(DecodeBudget.ofHeap(96 * MB), BENCH_CHUNK)).isEqualTo(2);
        assertThat(takenInARow(DecodeBudget.ofHeap(256 * MB), BENCH_CHUNK)).isEqualTo(2);
        assertThat(takenInARow(DecodeBudget.ofHeap(1024 * MB), BENCH_CHUNK)).isEqualTo(11);
        assertThat(takenInARow(DecodeBudget.ofHeap(4096 * MB), BENCH_CHUNK)).isEqualTo(45);
    }

    @Test
    void aJvmWithoutAHeapLimitDoesNotOverflowTheBudget() {
        DecodeBudget unlimited = DecodeBudget.ofHeap(Long.MAX_VALUE);

        assertThat(takenInARow(unlimited, 1L << 40)).isEqualTo(1000);
        assertThat(unlimited.heldBytes()).isPositive();
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> new DecodeBudget(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outOfHeapNamesTheChunkItsSizeAndAnXmxThatHoldsTwoSuchChunks() {
        ChunkHeader chunk = chunk(BENCH_CHUNK);

        String message = DecodeBudget.outOfHeap("big.jfr", 2, 8, chunk, 64 * MB);

        assertThat(message).startsWith("'big.jfr': chunk 3 of 8 (14 MB, about 36 MB once decoded) does not fit in "
                + "the 64 MB heap Java was given: run Java with more heap, e.g. -Xmx");
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m$").matcher(message);
        assertThat(xmx.find()).as(message).isTrue();
        long suggested = Long.parseLong(xmx.group(1)) * MB;
        assertThat(Long.bitCount(suggested)).as("a power of two").isEqualTo(1);
        assertThat(suggested).isGreaterThanOrEqualTo(128 * MB);
        DecodeBudget enough = DecodeBudget.ofHeap(suggested);
        assertThat(enough.tryTake(chunk) && enough.tryTake(chunk) && enough.heldBytes() <= (long) (suggested
                * DecodeBudget.HEAP_SHARE)).as("two such chunks within the budget of the heap suggested").isTrue();
    }

    @Test
    void outOfHeapSuggestsAtLeastTwiceTheHeapForASmallChunk() {
        String message = DecodeBudget.outOfHeap("small.jfr", 0, 1, chunk(MB), 200 * MB);

        assertThat(message).endsWith("does not fit in the 200 MB heap Java was given: run Java with more heap, "
                + "e.g. -Xmx512m");
    }

    @Test
    void outOfHeapWhileAnalyzingNamesTheChunkBeingAnalyzedAndGivesTheSameAdvice() {
        ChunkHeader chunk = chunk(BENCH_CHUNK);

        String message = DecodeBudget.outOfHeapWhileAnalyzing("big.jfr", 2, 8, chunk, 64 * MB);

        assertThat(message).isEqualTo("'big.jfr': ran out of the 64 MB heap Java was given while analyzing chunk 3 "
                + "of 8 (14 MB): run Java with more heap, e.g. -Xmx" + suggestedMb(DecodeBudget.outOfHeap("big.jfr",
                2, 8, chunk, 64 * MB)) + "m");
        assertThat(DecodeBudget.outOfHeapWhileAnalyzing("small.jfr", 0, 1, chunk(MB), 200 * MB))
                .endsWith("e.g. -Xmx512m");
    }

    private static long suggestedMb(String message) {
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m$").matcher(message);
        assertThat(xmx.find()).as(message).isTrue();
        return Long.parseLong(xmx.group(1));
    }
}
