package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import java.util.Timer;
import java.util.TimerTask;
import org.junit.jupiter.api.Test;

/** Schedules a refresh on a {@link Timer} it never cancels. */
@ThreadwatchGuard(graceMillis = 300)
@GuardExample
public class TimerLeakExample {

    @Test
    void leaksATimer() {
        Timer timer = new Timer("refresh-timer");
        Leftovers.add(timer::cancel);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                // refresh, hourly
            }
        }, 3_600_000L, 3_600_000L);
    }
}
