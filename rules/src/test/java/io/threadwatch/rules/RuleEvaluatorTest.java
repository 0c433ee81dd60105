package io.threadwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Window window(int i) {
        return new Window(T0.plus(Duration.ofSeconds(10L * i)), T0.plus(Duration.ofSeconds(10L * (i + 1))));
    }

    private static Rule rule(int forWindows, Condition... when) {
        return rule(forWindows, 1, when);
    }

    private static Rule rule(int forWindows, int clearAfterWindows, Condition... when) {
        return new Rule("r", FindingKind.THREAD_LEAK, Severity.CRITICAL, "", List.of(when), forWindows,
                clearAfterWindows, List.of(), "m", true);
    }

    private static RuleSet rules(Rule... rules) {
        return new RuleSet(List.of(rules));
    }

    private static Sample leak(String site, double value) {
        return Sample.of("threads.leak.rate", Map.of("site", site), value);
    }

    @Test
    void firesOnlyAfterHoldingForTheGivenWindowsAndReportsTheStreakStart() {
        RuleEvaluator evaluator = new RuleEvaluator(rules(rule(3,
                Condition.of("threads.leak.rate", Map.of("site", Set.of("*")), Comparison.GREATER, 15))));
        assertThat(evaluator.evaluate(window(0), List.of(leak("a", 10)))).isEmpty();
        assertThat(evaluator.evaluate(window(1), List.of(leak("a", 20)))).isEmpty();
        assertThat(evaluator.evaluate(window(2), List.of(leak("a", 40)))).isEmpty();
        List<Transition> fired = evaluator.evaluate(window(3), List.of(leak("a", 30)));
        assertThat(fired).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(Transition.Type.FIRED);
            assertThat(t.firing().firstHeld()).isEqualTo(window(1).start());
            assertThat(t.firing().firedAt()).isEqualTo(window(3).end());
            assertThat(t.firing().worstValue()).isEqualTo(40.0);
            assertThat(t.firing().labels()).containsEntry("site", "a");
        });
        assertThat(evaluator.evaluate(window(4), List.of(leak("a", 50)))).isEmpty();
        assertThat(evaluator.firings()).singleElement().satisfies(f -> {
            assertThat(f.lastHeld()).isEqualTo(window(4).end());
            assertThat(f.worstValue()).isEqualTo(50.0);
            assertThat(f.windowsHeld()).isEqualTo(4);
            assertThat(f.active()).isTrue();
        });
    }

    @Test
    void aGapResetsTheStreakAndAFiringRuleClears() {
        RuleEvaluator evaluator = new RuleEvaluator(rules(rule(2,
                Condition.of("threads.leak.rate", Map.of(), Comparison.GREATER, 15))));
        evaluator.evaluate(window(0), List.of(leak("a", 20)));
        evaluator.evaluate(window(1), List.of());
        assertThat(evaluator.evaluate(window(2), List.of(leak("a", 20)))).isEmpty();
        assertThat(evaluator.evaluate(window(3), List.of(leak("a", 20))))
                .extracting(Transition::type).containsExactly(Transition.Type.FIRED);
        assertThat(evaluator.evaluate(window(4), List.of(leak("a", 1))))
                .extracting(Transition::type).containsExactly(Transition.Type.CLEARED);
        assertThat(evaluator.firings()).singleElement().satisfies(f -> {
            assertThat(f.active()).isFalse();
            assertThat(f.lastHeld()).isEqualTo(window(3).end());
        });
    }

    @Test
    void aFiringRuleStaysActiveThroughGapsShorterThanItsClearAfterAndClearsOnlyAfterIt() {
        RuleEvaluator evaluator = new RuleEvaluator(rules(rule(2, 3,
                Condition.of("threads.leak.rate", Map.of("site", Set.of("*")), Comparison.GREATER, 15))));
        List<Transition.Type> transitions = new ArrayList<>();
        // held, held (fires), missed, held, missed, missed, held, missed x3 (clears)
        boolean[] holds = {true, true, false, true, false, false, true, false, false, false};
        for (int i = 0; i < holds.length; i++) {
            List<Sample> samples = holds[i] ? List.of(leak("a", 20 + i)) : List.of();
            for (Transition t : evaluator.evaluate(window(i), samples)) {
                transitions.add(t.type());
                if (t.type() == Transition.Type.CLEARED) {
                    assertThat(i).as("cleared in window").isEqualTo(9);
                }
            }
        }
        assertThat(transitions).containsExactly(Transition.Type.FIRED, Transition.Type.CLEARED);
        assertThat(evaluator.firings()).singleElement().satisfies(f -> {
            assertThat(f.active()).isFalse();
            assertThat(f.episodes()).isEqualTo(1);
            assertThat(f.firstHeld()).isEqualTo(window(0).start());
            assertThat(f.firedAt()).isEqualTo(window(1).end());
            assertThat(f.lastHeld()).isEqualTo(window(6).end());
            assertThat(f.windowsHeld()).isEqualTo(4);
            assertThat(f.worstValue()).isEqualTo(26.0);
        });
    }

    @Test
    void afterClearingARuleFiresAgainOnlyAsANewEpisodeThatHoldsForItsForWindows() {
        RuleEvaluator evaluator = new RuleEvaluator(rules(rule(2, 2,
                Condition.of("threads.leak.rate", Map.of("site", Set.of("*")), Comparison.GREATER, 15))));
        evaluator.evaluate(window(0), List.of(leak("a", 30)));
        assertThat(evaluator.evaluate(window(1), List.of(leak("a", 20)))).extracting(Transition::type)
                .containsExactly(Transition.Type.FIRED);
        evaluator.evaluate(window(2), List.of());
        assertThat(evaluator.evaluate(window(3), List.of())).extracting(Transition::type)
                .containsExactly(Transition.Type.CLEARED);
        // One window held after clearing is a streak, not yet an episode.
        assertThat(evaluator.evaluate(window(4), List.of(leak("a", 20)))).isEmpty();
        assertThat(evaluator.evaluate(window(5), List.of())).isEmpty();
        assertThat(evaluator.evaluate(window(6), List.of(leak("a", 40)))).isEmpty();
        assertThat(evaluator.evaluate(window(7), List.of(leak("a", 20)))).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(Transition.Type.FIRED);
            assertThat(t.firing().episodes()).isEqualTo(2);
            assertThat(t.firing().firstHeld()).isEqualTo(window(0).start());
            assertThat(t.firing().lastHeld()).isEqualTo(window(7).end());
            assertThat(t.firing().windowsHeld()).isEqualTo(4);
            assertThat(t.firing().worstValue()).isEqualTo(40.0);
        });
        assertThat(evaluator.firings()).singleElement().extracting(Firing::active).isEqualTo(true);
    }

    /**
     * Waits that time out together every 3 s, judged in 2 s windows: the built-in blocked-p99 rule
     * sees a p99 of 3 s in two windows out of three. It used to fire and clear every third window
     * (6 times in 45 s); it fires once, and clears only once the waits have stopped for its
     * {@code clear-after} windows.
     */
    @Test
    void waitsTimingOutTogetherEvery3sFireOneEpisodeIn2sWindows() {
        Rule blocked = RuleLoader.forSlis(RuleLoaderTest.SLIS)
                .builtIn().get("blocked-p99").orElseThrow();
        assertThat(blocked.clearAfterWindows()).isGreaterThan(1);
        RuleEvaluator evaluator = new RuleEvaluator(rules(blocked));
        Map<String, String> park = Map.of("kind", "park", "site", "com.acme.Pool.borrow(Pool.java:42)");
        List<Transition> transitions = new ArrayList<>();
        List<Integer> transitionWindows = new ArrayList<>();
        int lastWithWaits = -1;
        for (int i = 0; i < 40; i++) {
            Instant start = T0.plusSeconds(2L * i);
            Window window = new Window(start, start.plusSeconds(2));
            // 4 threads time out at every multiple of 3 s during the first 45 s.
            boolean timeouts = 2 * i < 45 && ((2 * i) % 3 == 0 || (2 * i + 1) % 3 == 0);
            List<Sample> samples = timeouts
                    ? List.of(Sample.of("blocked.p99", park, 3000), Sample.of("blocked.count", park, 4))
                    : List.of();
            if (timeouts) {
                lastWithWaits = i;
            }
            for (Transition t : evaluator.evaluate(window, samples)) {
                transitions.add(t);
                transitionWindows.add(i);
            }
        }
        assertThat(transitions).extracting(Transition::type)
                .containsExactly(Transition.Type.FIRED, Transition.Type.CLEARED);
        assertThat(transitionWindows.get(1)).as("cleared in window")
                .isEqualTo(lastWithWaits + blocked.clearAfterWindows());
        assertThat(transitions.get(1).firing().episodes()).isEqualTo(1);
    }

    @Test
    void otherConditionsMustHoldOnSamplesWhoseSharedLabelsAgree() {
        RuleEvaluator evaluator = new RuleEvaluator(rules(rule(1,
                Condition.of("threads.leak.rate", Map.of("site", Set.of("*")), Comparison.GREATER, 15),
                Condition.of("threads.leak.pvalue", Map.of(), Comparison.LESS, 0.01),
                Condition.of("threads.active.ratio", Map.of(), Comparison.GREATER, 1))));
        List<Sample> samples = List.of(
                leak("a", 100), leak("b", 100),
                Sample.of("threads.leak.pvalue", Map.of("site", "a"), 0.5),
                Sample.of("threads.leak.pvalue", Map.of("site", "b"), 0.001),
                Sample.of("threads.active.ratio", 4));
        assertThat(evaluator.evaluate(window(0), samples))
                .extracting(t -> t.firing().labels().get("site")).containsExactly("b");
    }

    @Test
    void labelFiltersSelectValuesAndRequireTheLabel() {
        Condition condition = Condition.of("blocked.p99", Map.of("kind", Set.of("park", "socket-read"), "site", Set.of("*")),
                Comparison.GREATER, 500);
        assertThat(condition.selects(Sample.of("blocked.p99", Map.of("kind", "park", "site", "x"), 1))).isTrue();
        assertThat(condition.selects(Sample.of("blocked.p99", Map.of("kind", "sleep", "site", "x"), 1))).isFalse();
        assertThat(condition.selects(Sample.of("blocked.p99", Map.of("kind", "park"), 1))).isFalse();
        assertThat(condition.selects(Sample.of("blocked.count", Map.of("kind", "park", "site", "x"), 1))).isFalse();
    }

    @Test
    void lessThanRulesTrackTheLowestValueAsWorst() {
        RuleEvaluator evaluator = new RuleEvaluator(rules(rule(1,
                Condition.of("threads.leak.pvalue", Map.of(), Comparison.LESS, 0.05))));
        evaluator.evaluate(window(0), List.of(Sample.of("threads.leak.pvalue", 0.04)));
        evaluator.evaluate(window(1), List.of(Sample.of("threads.leak.pvalue", 0.001)));
        evaluator.evaluate(window(2), List.of(Sample.of("threads.leak.pvalue", 0.02)));
        assertThat(evaluator.firings()).singleElement().extracting(Firing::worstValue).isEqualTo(0.001);
    }

    @Test
    void disabledRulesNeverRun() {
        Rule off = new Rule("off", FindingKind.DEADLOCK, Severity.CRITICAL, "", List.of(
                Condition.of("threads.deadlocked", Map.of(), Comparison.GREATER, 0)), 1, 1, List.of(), "m", false);
        RuleEvaluator evaluator = new RuleEvaluator(rules(off));
        assertThat(evaluator.evaluate(window(0), List.of(Sample.of("threads.deadlocked", 2)))).isEmpty();
        assertThat(evaluator.firings()).isEmpty();
    }
}
