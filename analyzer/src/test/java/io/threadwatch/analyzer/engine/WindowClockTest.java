package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowClockTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant at(double seconds) {
        return T0.plus(Duration.ofMillis((long) (seconds * 1000)));
    }

    @Test
    void eventTimeClosesEveryWindowItPasses() {
        WindowClock clock = new WindowClock(T0, Duration.ofSeconds(4));
        assertThat(clock.advanceTo(at(3.9))).isEmpty();
        assertThat(clock.advanceTo(at(4))).containsExactly(new Window(at(0), at(4)));
        assertThat(clock.advanceTo(at(13))).containsExactly(new Window(at(4), at(8)), new Window(at(8), at(12)));
        assertThat(clock.advanceTo(at(11))).as("a late event closes nothing").isEmpty();
    }

    @Test
    void finishCutsTheOpenWindowAtTheEnd() {
        WindowClock clock = new WindowClock(T0, Duration.ofSeconds(4));
        clock.advanceTo(at(5));
        assertThat(clock.finish(at(10.5))).containsExactly(new Window(at(4), at(8)), new Window(at(8), at(10.5)));
        assertThat(clock.finish(at(10.5))).isEmpty();
    }
}
