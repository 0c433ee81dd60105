package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.StackTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tracked thread's last activity, kept as epoch fields on the per-event path, and the
 * {@link LiveThread} the ledger and text dumps make of a thread.
 */
class TrackedThreadTest {

    private static final Instant T0 = Instant.parse("2026-12-06T07:00:00.500Z");

    @Test
    void aThreadSeenToStartWasLastActiveThenAndOneNotSeenToStartNever() {
        assertThat(new TrackedThread(7, "worker-1", T0, null, true).lastActivity()).isEqualTo(T0);
        assertThat(new TrackedThread(8, "worker-2", null, null, true).lastActivity()).isNull();
    }

    @Test
    void lastActivityOnlyMovesForwardToTheNanosecond() {
        TrackedThread thread = new TrackedThread(7, "worker-1", T0, null, true);
        thread.active(T0);
        thread.active(T0.minusNanos(1));
        assertThat(thread.lastActivity()).isEqualTo(T0);
        thread.active(T0.plusNanos(1));
        assertThat(thread.lastActivity()).isEqualTo(T0.plusNanos(1));
        thread.active(T0.minusSeconds(3).plusNanos(999_999_999));
        assertThat(thread.lastActivity()).isEqualTo(T0.plusNanos(1));
        thread.active(T0.plusSeconds(1).minusNanos(T0.getNano()));
        assertThat(thread.lastActivity()).isEqualTo(T0.plusSeconds(1).minusNanos(T0.getNano()));
        assertThat(thread.activeSinceDump).isTrue();
    }

    @Test
    void activityBeforeTheEpochIsStillActivity() {
        TrackedThread thread = new TrackedThread(7, "worker-1", null, null, true);
        Instant early = Instant.parse("1969-12-31T23:59:59.000000001Z");
        thread.active(early);
        assertThat(thread.lastActivity()).isEqualTo(early);
    }

    @Test
    void aLiveThreadCarriesItsCreationSiteAndItsDumpedStack() {
        Frame frame = new Frame("com.example.Poller", "run", 42);
        Site site = Site.of(frame);
        List<Frame> frames = List.of(new Frame("java.lang.Object", "wait", -1), frame);
        DumpedThread dumped = new DumpedThread("poller-1", 7, false, "WAITING (on object monitor)", frames,
                List.of(), "", "", List.of());

        LiveThread live = LiveThread.of("poller-1", site, dumped);

        assertThat(live.virtual()).isFalse();
        assertThat(live.site()).isEqualTo(site.label());
        assertThat(live.siteFingerprint()).isEqualTo(site.fingerprint());
        assertThat(live.stackFingerprint()).isEqualTo(StackTable.fingerprint(frames));
        assertThat(live.frames()).containsExactly(frames.get(0).toString(), frame.toString());
    }

    @Test
    void aLiveThreadWithoutSiteOrStackSaysNeither() {
        DumpedThread noFrames = new DumpedThread("idle", 8, true, "RUNNABLE", List.of(), List.of(), "", "", List.of());
        for (LiveThread live : List.of(LiveThread.of("idle", null, null), LiveThread.of("idle", null, noFrames))) {
            assertThat(live.site()).isNull();
            assertThat(live.siteFingerprint()).isNull();
            assertThat(live.stackFingerprint()).isNull();
            assertThat(live.frames()).isEmpty();
        }
    }
}
