package io.threadwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {

    /** The SLI names of the analyzer's catalog (the analyzer's tests check the pack against the catalog itself). */
    static final Set<String> SLIS = Set.of("threads.start.rate", "threads.active.ratio", "threads.leak.rate",
            "threads.leak.pvalue", "threads.leak.growth", "threads.stuck", "blocked.p99", "blocked.count",
            "blocked.time.ratio", "threads.deadlocked", "vthreads.leak.rate", "vthreads.leak.pvalue",
            "vthreads.leak.growth", "vthreads.pinned.p99", "vthreads.pinned.count", "vthreads.submit.failed",
            "heap.after_gc.slope", "heap.after_gc.pvalue", "heap.after_gc.growth", "gc.overhead.ratio", "gc.pause.p99",
            "heap.live.growth.ratio", "heap.live.ratio", "gc.full.count");

    private final RuleLoader loader = RuleLoader.forSlis(SLIS);

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void builtInPackHasARuleForEveryKind() {
        RuleSet rules = loader.builtIn();
        assertThat(rules.all()).extracting(Rule::id).containsExactly("creation-storm", "active-ratio", "thread-leak",
                "stuck-threads", "blocked-p99", "contention", "deadlock", "vthread-leak", "vthread-pinning",
                "vthread-submit-failed", "heap-growth", "gc-overhead", "gc-pause", "full-heap");
        assertThat(rules.enabled()).extracting(Rule::kind).containsOnly(FindingKind.values());
        assertThat(rules.get("active-ratio").orElseThrow().enabled()).isFalse();
        Rule leak = rules.get("thread-leak").orElseThrow();
        assertThat(leak.primary().threshold()).isEqualTo(12.0);
        assertThat(leak.forWindows()).isEqualTo(3);
        assertThat(leak.evidence()).containsExactly(EvidenceRole.CREATION_SITE, EvidenceRole.LIVE_THREADS);
        assertThat(rules.all()).allSatisfy(rule -> assertThat(rule.clearAfterWindows()).as(rule.id()).isPositive());
        assertThat(rules.get("blocked-p99").orElseThrow().clearAfterWindows()).isEqualTo(3);
        assertThat(rules.get("deadlock").orElseThrow().clearAfterWindows()).isEqualTo(1);
    }

    @Test
    void clearAfterIsOverriddenLikeAnyFieldAndDefaultsToOneWindow() throws Exception {
        Path user = file("hold.yaml", """
                rules:
                  - id: blocked-p99
                    clear-after: 6
                  - id: thread-leak
                    for: 4
                  - id: held-stuck
                    kind: blocked-forever
                    severity: critical
                    message: m
                    when: [{sli: threads.stuck, op: ">", threshold: 2}]
                """);
        RuleSet rules = loader.load(loader.builtIn(), user);
        assertThat(rules.get("blocked-p99").orElseThrow().clearAfterWindows()).isEqualTo(6);
        assertThat(rules.get("blocked-p99").orElseThrow().forWindows()).isEqualTo(2);
        assertThat(rules.get("thread-leak").orElseThrow().clearAfterWindows())
                .isEqualTo(loader.builtIn().get("thread-leak").orElseThrow().clearAfterWindows());
        assertThat(rules.get("held-stuck").orElseThrow().clearAfterWindows()).isEqualTo(1);
    }

    @Test
    void badClearAfterIsRefusedWithLineRuleAndField() throws Exception {
        Path zero = file("zero-hold.yaml", "rules:\n  - id: deadlock\n    for: 1\n  - id: blocked-p99\n    clear-after: 0\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), zero))
                .isInstanceOf(RuleFileException.class)
                .hasMessage(zero + ":4: rule 'blocked-p99': clear-after: must be at least 1 window, not 0");
        Path word = file("word-hold.yaml", "rules:\n  - id: blocked-p99\n    clear-after: later\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), word))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(word + ":3: rules[0]: clear-after: ");
        Path typo = file("typo-hold.yaml", "rules:\n  - id: blocked-p99\n    keep_firing_for: 3\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), typo))
                .hasMessageStartingWith(typo + ":3: rules[0]: unknown field 'keep_firing_for'; expected one of [")
                .hasMessageContaining("clear-after");
    }

    @Test
    void userFileOverridesOnlyTheFieldsItGives() throws Exception {
        Path user = file("mine.yaml", """
                rules:
                  - id: thread-leak
                    severity: warning
                    for: 5
                  - id: deadlock
                    enabled: false
                """);
        RuleSet rules = loader.load(loader.builtIn(), user);
        Rule leak = rules.get("thread-leak").orElseThrow();
        assertThat(leak.severity()).isEqualTo(Severity.WARNING);
        assertThat(leak.forWindows()).isEqualTo(5);
        assertThat(leak.primary().threshold()).isEqualTo(12.0);
        assertThat(leak.message()).contains("{site}");
        assertThat(rules.get("deadlock").orElseThrow().enabled()).isFalse();
        assertThat(rules.enabled()).extracting(Rule::id).doesNotContain("deadlock");
    }

    @Test
    void userFileAddsNewRulesInJsonToo() throws Exception {
        Path user = file("mine.json", """
                {"rules": [{"id": "many-stuck", "kind": "blocked-forever", "severity": "critical",
                  "when": [{"sli": "threads.stuck", "labels": {"state": ["BLOCKED", "WAITING"]}, "op": ">=", "threshold": 5}],
                  "message": "{value} stuck at {site}"}]}
                """);
        RuleSet rules = loader.load(loader.builtIn(), user);
        Rule added = rules.get("many-stuck").orElseThrow();
        assertThat(added.forWindows()).isEqualTo(1);
        assertThat(added.primary().labels().get("state")).containsExactly("BLOCKED", "WAITING");
        assertThat(added.primary().op()).isEqualTo(Comparison.GREATER_OR_EQUAL);
        assertThat(rules.all()).last().isEqualTo(added);
    }

    @Test
    void unknownComparisonIsRefusedWithLineRuleAndField() throws Exception {
        Path user = file("bad-op.yaml", """
                rules:
                  - id: deadlock
                    for: 1
                  - id: leak2
                    kind: thread-leak
                    severity: critical
                    message: m
                    when:
                      - sli: threads.leak.rate
                        op: "=>"
                        threshold: 3
                """);
        assertThatThrownBy(() -> loader.load(loader.builtIn(), user))
                .isInstanceOf(RuleFileException.class)
                .hasMessage(user + ":4: rule 'leak2': when[0].op: unknown comparison '=>'; expected one of >, >=, <, <=")
                .satisfies(e -> assertThat(((RuleFileException) e).line()).isEqualTo(4));
    }

    @Test
    void unknownSliIsRefused() throws Exception {
        Path user = file("bad-sli.yaml", """
                rules:
                  - id: x
                    kind: deadlock
                    severity: info
                    message: m
                    when: [{sli: threads.leaked, op: ">", threshold: 1}]
                """);
        assertThatThrownBy(() -> loader.load(loader.builtIn(), user))
                .hasMessageStartingWith(user + ":2: rule 'x': when[0].sli: unknown SLI 'threads.leaked'; expected one of [");
    }

    @Test
    void misspelledFieldIsRefusedAtItsLine() throws Exception {
        Path user = file("typo.yaml", """
                rules:
                  - id: thread-leak
                    for: 2
                    treshold: 3
                """);
        assertThatThrownBy(() -> loader.load(loader.builtIn(), user))
                .hasMessageStartingWith(user + ":4: rules[0]: unknown field 'treshold'; expected one of [")
                .hasMessageContaining("for");
    }

    @Test
    void newRuleWithoutRequiredFieldsIsRefused() throws Exception {
        Path user = file("incomplete.yaml", """
                rules:
                  - id: brand-new
                    kind: contention
                    severity: warning
                    message: m
                """);
        assertThatThrownBy(() -> loader.load(loader.builtIn(), user))
                .hasMessage(user + ":2: rule 'brand-new': when: missing");
    }

    @Test
    void wrongTypeIsRefusedWithThePath() throws Exception {
        Path user = file("type.yaml", """
                rules:
                  - id: thread-leak
                    for: soon
                """);
        assertThatThrownBy(() -> loader.load(loader.builtIn(), user))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(user + ":3: rules[0]: for: ");
    }

    @Test
    void brokenYamlEmptyFilesAndMissingFilesAreRefused() throws Exception {
        Path broken = file("broken.yaml", "rules:\n  - id: \"unterminated\n    for: 2\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), broken))
                .hasMessageStartingWith(broken + ":").hasMessageContaining("not valid YAML");
        Path empty = file("empty.yaml", "");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), empty))
                .hasMessage(empty + ": the file is empty; expected 'rules:' with a list of rules");
        Path list = file("list.yaml", "- id: x\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), list))
                .hasMessage(list + ":1: expected an object with 'rules:' at the top");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), missing)).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), dir)).hasMessage(dir + ": not a regular file");
    }

    @Test
    void zeroWindowsAndBadIdsAreRefused() throws Exception {
        Path zero = file("zero.yaml", "rules:\n  - id: deadlock\n    for: 0\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), zero))
                .hasMessage(zero + ":2: rule 'deadlock': for: must be at least 1 window, not 0");
        Path id = file("id.yaml", "rules:\n  - id: Bad_Id\n");
        assertThatThrownBy(() -> loader.load(loader.builtIn(), id))
                .hasMessageContaining("rule 'Bad_Id': id: 'Bad_Id' must be lower-case letters, digits and '-'");
    }
}
