package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The horizons behind threads.leak.*: which lines exist when, and what they say on the shapes rules must tell apart. */
class GrowthTrendTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<GrowthTrend.Line> after(Duration window, int windows, IntToDoubleFunction valueAtWindow,
                                                boolean longOnly) {
        GrowthTrend<String> trend = new GrowthTrend<>(T0, window, 8, 4);
        for (int i = 1; i <= windows; i++) {
            trend.add("site", T0.plus(window.multipliedBy(i)), valueAtWindow.applyAsDouble(i));
        }
        return trend.lines("site", longOnly);
    }

    private static GrowthTrend.Line horizon(List<GrowthTrend.Line> lines, GrowthTrend.Horizon horizon) {
        return lines.stream().filter(l -> l.horizon() == horizon).findFirst().orElse(null);
    }

    @Test
    void aShortRecordingHasOnlyTheRecentHorizon() {
        List<GrowthTrend.Line> lines = after(Duration.ofSeconds(4), 10, i -> 2.6 * i, false);
        assertThat(lines).extracting(GrowthTrend.Line::horizon).containsExactly(GrowthTrend.Horizon.RECENT);
        GrowthTrend.Line recent = lines.get(0);
        assertThat(recent.points()).isEqualTo(8);
        assertThat(recent.perHour()).isBetween(2300.0, 2400.0);
        assertThat(recent.pValue()).isLessThan(0.001);
        // The latest value minus the middle point's: 26 - 18.2.
        assertThat(recent.recentGrowth()).isCloseTo(7.8, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theWholeObservationJoinsFromTenMinutesAndTheHourFromAnHour() {
        assertThat(after(Duration.ofMinutes(1), 9, i -> i / 4, false)).extracting(GrowthTrend.Line::horizon)
                .containsExactly(GrowthTrend.Horizon.RECENT);
        assertThat(after(Duration.ofMinutes(1), 12, i -> i / 4, false)).extracting(GrowthTrend.Line::horizon)
                .containsExactly(GrowthTrend.Horizon.RECENT, GrowthTrend.Horizon.ALL);
        assertThat(after(Duration.ofMinutes(1), 61, i -> i / 4, false)).extracting(GrowthTrend.Line::horizon)
                .containsExactly(GrowthTrend.Horizon.RECENT, GrowthTrend.Horizon.HOUR, GrowthTrend.Horizon.ALL);
    }

    @Test
    void aLeakOfFifteenAnHourReadsFifteenOverTheLongHorizons() {
        List<GrowthTrend.Line> lines = after(Duration.ofMinutes(1), 360, i -> Math.floor(i / 4.0), false);
        assertThat(horizon(lines, GrowthTrend.Horizon.HOUR).perHour()).isBetween(14.0, 16.0);
        assertThat(horizon(lines, GrowthTrend.Horizon.ALL).perHour()).isBetween(14.9, 15.1);
        assertThat(horizon(lines, GrowthTrend.Horizon.ALL).recentGrowth()).isBetween(44.0, 46.0);
        assertThat(horizon(lines, GrowthTrend.Horizon.RECENT).recentGrowth()).as("eight minutes see one step")
                .isLessThan(3);
    }

    @Test
    void aLeakThatStartsLateInALongWatchShowsOverTheHour() {
        // Flat for five hours, then 15 an hour.
        List<GrowthTrend.Line> lines = after(Duration.ofMinutes(1), 360, i -> i <= 300 ? 0 : Math.floor((i - 300) / 4.0),
                false);
        assertThat(horizon(lines, GrowthTrend.Horizon.HOUR).perHour()).isBetween(14.0, 16.0);
        assertThat(horizon(lines, GrowthTrend.Horizon.ALL).perHour()).as("diluted over six hours").isLessThan(5);
    }

    @Test
    void onePoolsThreadsAreJudgedOverAnHourOrMoreOnly() {
        assertThat(after(Duration.ofMinutes(1), 30, i -> Math.min(200, 60 * i), true)).isEmpty();
        List<GrowthTrend.Line> hour = after(Duration.ofMinutes(1), 61, i -> Math.min(200, 60 * i), true);
        assertThat(hour).extracting(GrowthTrend.Line::horizon)
                .containsExactly(GrowthTrend.Horizon.HOUR, GrowthTrend.Horizon.ALL);
        assertThat(hour).allSatisfy(line -> assertThat(line.recentGrowth()).isZero());
    }

    @Test
    void aFlatLineHasNoSlopeAndAnIdleKeyIsForgotten() {
        GrowthTrend<String> trend = new GrowthTrend<>(T0, Duration.ofSeconds(4), 8, 4);
        for (int i = 1; i <= 10; i++) {
            trend.add("flat", T0.plusSeconds(4L * i), 5);
            trend.add("gone", T0.plusSeconds(4L * i), i <= 2 ? 3 : 0);
        }
        GrowthTrend.Line flat = trend.lines("flat", false).get(0);
        assertThat(flat.perHour()).isZero();
        assertThat(flat.pValue()).isEqualTo(1.0);
        trend.forgetIdle();
        assertThat(trend.tracks("gone")).isFalse();
        assertThat(trend.tracks("flat")).isTrue();
    }

    @Test
    void aWeekAtTwentySecondWindowsKeepsBoundedPointsAndTheExactWholeRegression() {
        Duration window = Duration.ofSeconds(20);
        int windows = 7 * 24 * 180;
        List<GrowthTrend.Line> lines = after(window, windows, i -> i / 180.0, false);
        GrowthTrend.Line all = horizon(lines, GrowthTrend.Horizon.ALL);
        assertThat(all.points()).isEqualTo(windows);
        assertThat(all.perHour()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(horizon(lines, GrowthTrend.Horizon.HOUR).points()).isBetween(180, 182);
        assertThat(all.recentGrowth()).as("from the rolled-up middle").isBetween(83.0, 85.0);
    }
}
