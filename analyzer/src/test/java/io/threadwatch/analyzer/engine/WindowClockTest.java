package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowClockTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant at(double seconds) {
        return T0.plus(Duration.ofMillis((long) (seconds * 1000)));
    }

    private static WindowClock.Step closed(double from, double to) {
        return new WindowClock.Step(new Window(at(from), at(to)), false);
    }

    private static WindowClock.Step gap(double from, double to) {
        return new WindowClock.Step(new Window(at(from), at(to)), true);
    }

    @Test
    void eventTimeClosesEveryWindowItPasses() {
        WindowClock clock = new WindowClock(T0, Duration.ofSeconds(4));
        assertThat(clock.advanceTo(at(3.9))).isEmpty();
        assertThat(clock.advanceTo(at(4))).containsExactly(closed(0, 4));
        assertThat(clock.advanceTo(at(13))).containsExactly(closed(4, 8), closed(8, 12));
        assertThat(clock.advanceTo(at(11))).as("a late event closes nothing").isEmpty();
    }

    @Test
    void finishCutsTheOpenWindowAtTheEnd() {
        WindowClock clock = new WindowClock(T0, Duration.ofSeconds(4));
        clock.advanceTo(at(5));
        assertThat(clock.finish(at(10.5))).containsExactly(closed(4, 8), closed(8, 10.5));
        assertThat(clock.finish(at(10.5))).isEmpty();
    }

    @Test
    void aStretchThatWasNotRecordedIsOneStepAndWindowsResumeOnWholeSecondsWhereRecordingResumes() {
        WindowClock clock = new WindowClock(T0, Duration.ofSeconds(4));
        clock.recordedOnly(List.of(new Window(at(0.2), at(10.5)), new Window(at(1000.3), at(1010))));

        assertThat(clock.advanceTo(at(9))).containsExactly(closed(0, 4), closed(4, 8));
        assertThat(clock.advanceTo(at(10.7))).as("committed just after the chunk's end: still its last window")
                .isEmpty();
        assertThat(clock.advanceTo(at(1000.5))).containsExactly(closed(8, 10.5), gap(10.5, 1000.3));
        assertThat(clock.advanceTo(at(1004))).containsExactly(closed(1000, 1004));
        assertThat(clock.finish(at(1010))).containsExactly(closed(1004, 1008), closed(1008, 1010));
    }

    @Test
    void monthsWithoutARecordingCostOneStep() {
        Instant resumed = T0.plus(Duration.ofDays(669));
        WindowClock clock = new WindowClock(T0, Duration.ofMinutes(1));
        clock.recordedOnly(List.of(new Window(T0, at(40)), new Window(resumed, resumed.plusSeconds(40))));

        List<WindowClock.Step> steps = clock.advanceTo(resumed.plusSeconds(1));

        assertThat(steps).containsExactly(closed(0, 40), new WindowClock.Step(new Window(at(40), resumed), true));
        assertThat(clock.finish(resumed.plusSeconds(40)))
                .containsExactly(new WindowClock.Step(new Window(resumed, resumed.plusSeconds(40)), false));
    }

    @Test
    void noWindowEndsAfterTheRecordedEndEvenWhenEventsDo() {
        WindowClock clock = new WindowClock(T0, Duration.ofSeconds(4));
        clock.recordedOnly(List.of(new Window(at(0), at(10.5))));

        assertThat(clock.advanceTo(at(12.5))).as("an event after the end closes no window past it")
                .containsExactly(closed(0, 4), closed(4, 8));
        assertThat(clock.finish(at(12.5))).containsExactly(closed(8, 10.5));
    }
}
