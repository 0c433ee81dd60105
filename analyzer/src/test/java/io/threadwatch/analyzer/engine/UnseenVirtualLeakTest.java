package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.FrameClassifierTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A virtual-thread leak shows twice when some of its threads park before JFR sees them at an
 * application frame: as growth at the located site, and as growth of the unseen group (a parked
 * virtual thread records nothing). That is one problem: one finding at the located site, the unseen
 * group's growth its evidence, offline and live alike. Alone, the unseen group's growth stays a
 * finding (see {@link VirtualThreadNamesTest}).
 */
class UnseenVirtualLeakTest {

    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final Duration LENGTH = Duration.ofSeconds(40);
    /** Where the leaked threads sleep before they park forever, as the vthread-leak sample's handler does. */
    private static final List<Frame> HANDLER_SLEEP = List.of(
            f("java.lang.VirtualThread.sleepNanos", 1063),
            f("java.lang.Thread.sleep", 509),
            f("com.acme.pay.PaymentHandler.handle", 63),
            f("java.lang.VirtualThread.run", 466));

    /**
     * 400 handler threads seen sleeping at {@code PaymentHandler.handle}, then parked for good; and
     * {@code unseen} more that parked before any event showed them, started evenly over the run.
     */
    private static SyntheticRecording leak(int unseen) {
        SyntheticRecording recording = handlersSeenThenParked(400);
        for (int i = 0; i < unseen; i++) {
            recording.virtualStarted(Duration.ofMillis(LENGTH.toMillis() * i / unseen), 50_000 + i, "");
        }
        return recording;
    }

    /** {@code count} handler threads, one every 100 ms, each seen sleeping at {@code PaymentHandler.handle} once. */
    private static SyntheticRecording handlersSeenThenParked(int count) {
        SyntheticRecording recording = new SyntheticRecording();
        for (int i = 0; i < count; i++) {
            Duration start = Duration.ofMillis(100L * i);
            recording.virtualStarted(start, 10_000 + i, "payment-" + i)
                    .blocked(start.plusMillis(50), BlockingKind.SLEEP, 10_000 + i, Duration.ofMillis(30), HANDLER_SLEEP,
                            true, true);
        }
        return recording;
    }

    @Test
    void unseenGrowthDuringALocatedLeakIsEvidenceOfThatLeakNotASecondFinding() {
        EngineResult result = leak(100).analyze(WINDOW, LENGTH);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("vthread-leak");
            assertThat(finding.site().frame()).isEqualTo("com.acme.pay.PaymentHandler.handle(PaymentHandler.java:63)");
            assertThat(finding.evidence()).extracting(Evidence::role).containsExactly("last-seen", "last-seen");
            Evidence unseen = finding.evidence().get(1);
            assertThat(unseen.count()).isEqualTo(100);
            assertThat(unseen.threads()).containsExactly("(unnamed) (100)");
            assertThat(unseen.detail()).startsWith("100 more of 500 live virtual threads were never seen at an "
                    + "application frame, and their number grew too (up to ");
        });
    }

    @Test
    void aLocatedLeakWhoseUnseenGroupDoesNotGrowHasOnlyItsOwnEvidence() {
        EngineResult result = leak(0).analyze(WINDOW, LENGTH);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.site()).isNotNull();
            assertThat(finding.evidence()).singleElement().extracting(Evidence::count).isEqualTo(400L);
        });
    }

    @Test
    void liveTheUnseenGroupIsNotAnnouncedWhileTheLocatedLeakIsOpen() {
        List<ClosedWindow.FindingChange> changes = new ArrayList<>();
        EngineResult result = leak(100).analyze(WINDOW, LENGTH, window -> changes.addAll(window.changes()));

        assertThat(changes).extracting(ClosedWindow.FindingChange::finding).extracting(Finding::site)
                .as("announced live").doesNotContainNull();
        assertThat(changes).extracting(ClosedWindow.FindingChange::state)
                .containsExactly(ClosedWindow.FindingChange.State.FIRED);
        assertThat(result.findings()).extracting(Finding::id)
                .containsExactly(changes.get(0).finding().id());
    }

    @Test
    void liveTheUnseenGroupIsAnnouncedWhenTheLocatedLeakEndsAndItStillGrows() {
        SyntheticRecording recording = handlersSeenThenParked(300);
        for (int i = 0; i < 300; i++) {
            recording.virtualEnded(Duration.ofSeconds(31), 10_000 + i);
        }
        for (int i = 0; i < 200; i++) {
            recording.virtualStarted(Duration.ofMillis(400L * i), 50_000 + i, "");
        }
        List<ClosedWindow.FindingChange> changes = new ArrayList<>();
        recording.analyze(WINDOW, Duration.ofSeconds(80), window -> changes.addAll(window.changes()));

        assertThat(changes).extracting(change -> change.state() + " " + (change.finding().site() == null ? "unseen"
                : "located")).containsExactly("FIRED located", "CLEARED located", "FIRED unseen");
    }
}
