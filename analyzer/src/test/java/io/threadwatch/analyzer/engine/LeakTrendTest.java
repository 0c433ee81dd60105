package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Frame;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The regression behind threads.leak.rate, on the shapes the rule must tell apart. */
class LeakTrendTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Site SITE = Site.of(new Frame("com.acme.Reloader", "reload", 42));

    private static LeakTrend.Trend after(long... liveAtWindowEnds) {
        LeakTrend trend = new LeakTrend(T0, 8);
        for (int i = 0; i < liveAtWindowEnds.length; i++) {
            trend.add(SITE, T0.plus(Duration.ofSeconds(4L * (i + 1))), liveAtWindowEnds[i]);
        }
        return trend.trend(SITE);
    }

    @Test
    void aSteadyLeakIsSteepSignificantAndStillGrowing() {
        LeakTrend.Trend trend = after(2, 5, 7, 10, 13, 15, 18, 21, 23, 26);
        assertThat(trend.threadsPerHour()).isBetween(2000.0, 2600.0);
        assertThat(trend.pValue()).isLessThan(0.001);
        assertThat(trend.recentGrowth()).isEqualTo(8);
        assertThat(trend.live()).isEqualTo(26);
    }

    @Test
    void aPoolThatFilledUpDuringWarmUpStopsGrowing() {
        LeakTrend.Trend trend = after(8, 16, 24, 24, 24, 24, 24, 24, 24, 24);
        assertThat(trend.recentGrowth()).isZero();
        assertThat(trend.threadsPerHour()).isZero();
    }

    @Test
    void aCachedPoolGoingUpAndDownHasNoSignificantSlope() {
        LeakTrend.Trend trend = after(0, 12, 3, 0, 13, 2, 0, 12, 4, 0);
        assertThat(trend.pValue()).isGreaterThan(0.05);
    }

    @Test
    void fewerThanFourPointsGiveNoTrendAndAFlatLineGivesNoSlope() {
        assertThat(after(1, 2, 3)).isNull();
        LeakTrend.Trend flat = after(5, 5, 5, 5, 5);
        assertThat(flat.threadsPerHour()).isZero();
        assertThat(flat.pValue()).isEqualTo(1.0);
    }
}
