package io.threadwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theBuiltInCatalogSaysWhyForEveryEntry() {
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(catalog.infrastructurePrefixes()).contains("io.netty.", "com.zaxxer.hikari.", "io.grpc.");
        assertThat(catalog.idleWait("java.util.concurrent.ThreadPoolExecutor.getTask")).get()
                .extracting(Catalog.Entry::why).isEqualTo("a pool worker waiting for its next task");
        assertThat(catalog.serviceThread("C2 CompilerThread0")).isPresent();
        assertThat(catalog.serviceThread("order-worker-1")).isEmpty();
        for (Catalog.Entry entry : catalog.idleWaits()) {
            assertThat(entry.why()).as(entry.match()).isNotBlank();
            assertThat(entry.source()).isEqualTo("built-in");
        }
    }

    @Test
    void aUserFileAddsEntriesAndKeepsTheBuiltInOnes() throws Exception {
        Path user = file("mine.yaml", """
                infrastructure:
                  - {prefix: "com.acme.pool.", why: "our pool library"}
                idleWaits:
                  - method: com.acme.bus.Dispatcher.nextEvent
                    why: the bus dispatcher waiting for events
                serviceThreads:
                  - {prefix: "acme-agent-", why: "our monitoring agent"}
                """);
        Catalog catalog = CatalogLoader.load(CatalogLoader.builtIn(), user);
        assertThat(catalog.infrastructurePrefixes()).contains("io.netty.", "com.acme.pool.");
        assertThat(catalog.idleWait("com.acme.bus.Dispatcher.nextEvent")).get()
                .extracting(Catalog.Entry::source).isEqualTo(user.toString());
        assertThat(catalog.serviceThread("acme-agent-3")).isPresent();
    }

    @Test
    void anEntryAlreadyThereKeepsItsReason() throws Exception {
        Path user = file("dup.yaml", """
                infrastructure:
                  - {prefix: "io.netty.", why: "again"}
                """);
        Catalog catalog = CatalogLoader.load(CatalogLoader.builtIn(), user);
        assertThat(catalog.infrastructure()).filteredOn(e -> e.match().equals("io.netty.")).singleElement()
                .extracting(Catalog.Entry::source).isEqualTo("built-in");
    }

    @Test
    void badFilesAreRefusedWithTheirLineAndReason() throws Exception {
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("unknown.yaml", """
                infrastructure:
                  - {prefix: "com.acme.", why: "ok"}
                idle:
                  - {method: "a.B.c", why: "x"}
                """))).isInstanceOf(RuleFileException.class)
                .hasMessageEndingWith("unknown.yaml:3: unknown top-level field 'idle'; expected one of [idleWaits, infrastructure, patterns, serviceThreads]");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("nowhy.yaml", """
                idleWaits:
                  - {method: "com.acme.Bus.next"}
                """))).hasMessageEndingWith("nowhy.yaml:2: idleWaits[0]: why: missing; say why it belongs in the catalog");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("method.yaml", """
                idleWaits:
                  - {method: "next", why: "x"}
                """))).hasMessageEndingWith("method.yaml:2: idleWaits[0]: method: 'next' is not class.method, e.g. com.acme.bus.Dispatcher.nextEvent");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("field.yaml", """
                serviceThreads:
                  - {prefix: "x-", why: "y", match: "z"}
                """))).hasMessageEndingWith("field.yaml:2: serviceThreads[0]: unknown field 'match'; expected one of [prefix, why]");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("empty.yaml", "")))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("yaml.yaml", "idleWaits: [ {method: ")))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, dir.resolve("missing.yaml")))
                .hasMessageEndingWith("missing.yaml: no such file");
    }
    @Test
    void theBuiltInPatternsHaveStableIdsKindsAndFixes() {
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(catalog.patterns()).extracting(ProblemPattern::id).doesNotHaveDuplicates()
                .contains("executor-per-call-never-shutdown", "timer-never-cancelled", "client-per-request",
                        "thread-per-request-unbounded", "leak-of-stuck-threads", "future-get-without-timeout",
                        "pool-borrow-without-timeout", "socket-read-without-timeout", "queue-put-nobody-drains",
                        "lock-never-released", "latch-never-counted-down", "lock-order-inversion", "class-init-cycle",
                        "hot-monitor", "lock-held-across-io", "synchronized-logger", "vthread-parked-forever",
                        "vthread-pinned-synchronized-io", "vthread-pinned-native", "vthread-submit-refused",
                        "heap-unbounded-growth", "listeners-never-removed", "completable-future-thread-per-task",
                        "worker-started-never-stopped", "reactive-block-without-timeout", "common-pool-starved",
                        "http-send-waits-on-server", "cache-waits-for-anothers-load");
        for (ProblemPattern pattern : catalog.patterns()) {
            assertThat(pattern.fix()).as(pattern.id()).isNotBlank().doesNotContain("\n");
            assertThat(pattern.example()).as(pattern.id()).isNotBlank();
            assertThat(pattern.builtIn()).as(pattern.id()).isTrue();
        }
        assertThat(catalog.pattern("timer-never-cancelled")).get()
                .satisfies(p -> assertThat(p.match().created()).containsExactly("java.util.Timer.<init>"));
    }

    @Test
    void aUserFileAddsPatterns() throws Exception {
        Path user = file("patterns.yaml", """
                patterns:
                  - id: acme-bus-subscriber-leak
                    kinds: [thread-leak]
                    title: a bus subscriber started per request
                    fix: subscribe once at start-up
                    example: "at com.acme.bus.Bus.subscribe(Bus.java:42)"
                    match: {created: ["com.acme.bus.Bus.subscribe"], timeout: false}
                  - id: hot-monitor
                    kinds: [contention]
                    title: again
                    fix: again
                """);
        Catalog catalog = CatalogLoader.load(CatalogLoader.builtIn(), user);
        ProblemPattern mine = catalog.pattern("acme-bus-subscriber-leak").orElseThrow();
        assertThat(mine.kinds()).containsExactly(FindingKind.THREAD_LEAK);
        assertThat(mine.match().created()).containsExactly("com.acme.bus.Bus.subscribe");
        assertThat(mine.match().timeout()).isFalse();
        assertThat(mine.source()).isEqualTo(user.toString());
        assertThat(catalog.pattern("hot-monitor")).get().extracting(ProblemPattern::source).isEqualTo("built-in");
    }

    @Test
    void badPatternsAreRefusedWithTheirLineAndReason() throws Exception {
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("kind.yaml", """
                patterns:
                  - {id: x-leak, kinds: [thread-leek], title: t, fix: f}
                """))).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("kind.yaml:2: patterns[0]: kinds: unknown kind 'thread-leek'");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("nofix.yaml", """
                patterns:
                  - {id: x-leak, kinds: [thread-leak], title: t}
                """))).hasMessageEndingWith("nofix.yaml:2: patterns[0]: fix: missing");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("cond.yaml", """
                patterns:
                  - {id: x-leak, kinds: [thread-leak], title: t, fix: f, match: {stack: ["a.B.c"]}}
                """))).hasMessageContaining("cond.yaml:2: patterns[0]: match: unknown condition 'stack'");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("timeout.yaml", """
                patterns:
                  - {id: x-leak, kinds: [thread-leak], title: t, fix: f, match: {timeout: "no"}}
                """))).hasMessageEndingWith("timeout.yaml:2: patterns[0]: match: timeout: expected true or false, not 'no'");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("id.yaml", """
                patterns:
                  - {id: "Not An Id", kinds: [thread-leak], title: t, fix: f}
                """))).hasMessageContaining("id.yaml:2: patterns[0]: a pattern id is kebab-case");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("unclassified.yaml", """
                patterns:
                  - {id: unclassified, kinds: [thread-leak], title: t, fix: f}
                """))).hasMessageContaining("not 'unclassified'");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("dup.yaml", """
                patterns:
                  - {id: x-leak, kinds: [thread-leak], title: t, fix: f}
                  - {id: x-leak, kinds: [thread-leak], title: t, fix: f}
                """))).hasMessageEndingWith("dup.yaml:3: patterns[1]: id 'x-leak' is already used in this file");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("list.yaml", """
                patterns:
                  - {id: x-leak, kinds: [thread-leak], title: t, fix: f, match: {waits: "a.B.c"}}
                """))).hasMessageEndingWith("list.yaml:2: patterns[0]: match: waits: expected a list");
    }

    @Test
    void frameEntriesArePrefixesOrPatterns() {
        assertThat(ProblemPattern.Match.frameMatches("java.util.concurrent.Executors.new",
                "java.util.concurrent.Executors.newFixedThreadPool")).isTrue();
        assertThat(ProblemPattern.Match.frameMatches("*.add*Listener", "com.acme.Bus.addOrderListener")).isTrue();
        assertThat(ProblemPattern.Match.frameMatches("*.add*Listener", "com.acme.Bus.addOrder")).isFalse();
        assertThat(ProblemPattern.Match.frameMatches("*.<clinit>", "com.acme.A.<clinit>")).isTrue();
        assertThat(ProblemPattern.Match.frameMatches("java.util.Timer.<init>", "java.util.TimerThread.run")).isFalse();
    }
}
