package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The regression behind threads.leak.rate and heap.after_gc.slope, on the shapes rules must tell apart. */
class TrendTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(4);

    private static Trend.Line afterWindows(double... valueAtWindowEnds) {
        Trend<String> trend = new Trend<>(T0, WINDOW.multipliedBy(8), 4);
        for (int i = 0; i < valueAtWindowEnds.length; i++) {
            trend.add("site", T0.plus(WINDOW.multipliedBy(i + 1)), valueAtWindowEnds[i]);
        }
        return trend.line("site");
    }

    @Test
    void aSteadyLeakIsSteepSignificantAndStillGrowing() {
        Trend.Line line = afterWindows(2, 5, 7, 10, 13, 15, 18, 21, 23, 26);
        assertThat(line.points()).isEqualTo(8);
        assertThat(line.perHour()).isBetween(2000.0, 2600.0);
        assertThat(line.pValue()).isLessThan(0.001);
        assertThat(line.recentGrowth()).isEqualTo(8);
        assertThat(line.latest()).isEqualTo(26);
    }

    @Test
    void aPoolThatFilledUpDuringWarmUpStopsGrowing() {
        Trend.Line line = afterWindows(8, 16, 24, 24, 24, 24, 24, 24, 24, 24);
        assertThat(line.recentGrowth()).isZero();
        assertThat(line.perHour()).isZero();
    }

    @Test
    void aCachedPoolGoingUpAndDownHasNoSignificantSlope() {
        assertThat(afterWindows(0, 12, 3, 0, 13, 2, 0, 12, 4, 0).pValue()).isGreaterThan(0.05);
    }

    @Test
    void fewerPointsThanTheMinimumGiveNoTrendAndAFlatLineGivesNoSlope() {
        assertThat(afterWindows(1, 2, 3)).isNull();
        Trend.Line flat = afterWindows(5, 5, 5, 5, 5);
        assertThat(flat.perHour()).isZero();
        assertThat(flat.pValue()).isEqualTo(1.0);
    }

    @Test
    void heapGrowingAtEveryGcIsATrendButStartUpPromotionIsNot() {
        Trend<String> leak = new Trend<>(T0, Duration.ofSeconds(32), 6);
        Trend<String> startUp = new Trend<>(T0, Duration.ofSeconds(32), 6);
        long mib = 1 << 20;
        for (int gc = 1; gc <= 20; gc++) {
            Instant at = T0.plusMillis(1500L * gc);
            leak.add("heap", at, 100 * mib + gc * 4 * mib + (gc % 3) * mib);
            startUp.add("heap", at, gc <= 3 ? 60 * mib + gc * 20 * mib : 120 * mib + (gc % 2) * mib);
        }
        Trend.Line growing = leak.line("heap");
        assertThat(growing.pValue()).isLessThan(0.001);
        assertThat(growing.recentGrowth()).isGreaterThan(8 * mib);
        Trend.Line afterStartUp = startUp.line("heap");
        assertThat(afterStartUp.perHour()).as("the span still holds start-up").isGreaterThan(64.0 * mib);
        assertThat(afterStartUp.recentGrowth()).as("but nothing grew lately").isLessThanOrEqualTo(mib);
        for (int gc = 21; gc <= 40; gc++) {
            startUp.add("heap", T0.plusMillis(1500L * gc), 120 * mib + (gc % 2) * mib);
        }
        assertThat(startUp.line("heap").perHour()).as("once start-up left the span").isLessThan(64.0 * mib);
    }
}
