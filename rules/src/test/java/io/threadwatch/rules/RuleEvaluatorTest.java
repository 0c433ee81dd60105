package io.threadwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
        return new Rule("r", FindingKind.THREAD_LEAK, Severity.CRITICAL, "", List.of(when), forWindows,
                List.of(), "m", true);
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
                Condition.of("threads.deadlocked", Map.of(), Comparison.GREATER, 0)), 1, List.of(), "m", false);
        RuleEvaluator evaluator = new RuleEvaluator(rules(off));
        assertThat(evaluator.evaluate(window(0), List.of(Sample.of("threads.deadlocked", 2)))).isEmpty();
        assertThat(evaluator.firings()).isEmpty();
    }
}
