package io.threadwatch.analyzer.engine;

import org.HdrHistogram.Histogram;

/**
 * A distribution of durations (an auto-resizing HdrHistogram in microseconds, 3 significant
 * digits) with its count and total. Memory is fixed by the range of values, whatever their number.
 */
final class DurationCell {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final long SLOW_NANOS = 100_000_000L; /* 100 ms */

    private final Histogram micros = new Histogram(SIGNIFICANT_DIGITS);
    long count;
    long totalNanos;
    /** The part of the durations charged to the window they ended in (see {@link #record(long, boolean, long)}). */
    long chargedNanos;
    /** Durations over 100 ms. */
    long slow;
    /** Waits without a timeout. */
    long untimed;

    void record(long nanos, boolean timed) {
        record(nanos, timed, nanos);
    }

    /**
     * Records a duration whose part {@code chargedNanos} fell in the open window: the distribution
     * and the total take the whole duration, the window's time ratio only that part.
     */
    void record(long nanos, boolean timed, long chargedNanos) {
        micros.recordValue(Math.max(0, nanos / 1000));
        count++;
        totalNanos += nanos;
        this.chargedNanos += chargedNanos;
        if (nanos > SLOW_NANOS) {
            slow++;
        }
        if (!timed) {
            untimed++;
        }
    }

    /** Adds this cell into {@code total}, as HdrHistogram interval histograms add up to the whole. */
    void addTo(DurationCell total) {
        total.micros.add(micros);
        total.count += count;
        total.totalNanos += totalNanos;
        total.chargedNanos += chargedNanos;
        total.slow += slow;
        total.untimed += untimed;
    }

    void reset() {
        micros.reset();
        count = 0;
        totalNanos = 0;
        chargedNanos = 0;
        slow = 0;
        untimed = 0;
    }

    double p99Millis() {
        return micros.getValueAtPercentile(99.0) / 1000.0;
    }

    double maxMillis() {
        return micros.getMaxValue() / 1000.0;
    }

    /** Charged time per second of {@code seconds}: how many threads were busy with it on average. */
    double ratioOf(double seconds) {
        return chargedNanos / 1e9 / seconds;
    }
}
